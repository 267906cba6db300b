import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { boxScope, resolveScope, scheduleRows, scopeSpans, treeSpans, type TransformationConfig } from '../../domain';
import type { PageSummaryDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { countSchedule, deleteOtherFigures, readScopeFigures, writeScheduleRows, writeScopeFigures, type StoredScopeFigures } from '../../storage/snapshot/figureRows';
import { restrictedIds } from '../../storage/snapshot/snapshotRows';
import { kvsGet, kvsSet, readHead, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';
import { modelSummary, type ModelSummary } from '../pageSummary';
import type { ScopeRequest } from '../readScope';
import { checkViewer, modelOfHead, seesEverything, type PriorRead } from './readSnapshot';
import { mappingFingerprint } from './snapshotIssue';

/** Which head and settings the stored page figures are of; a page uses them only for exactly that head. */
export interface FiguresState {
  figuresId: string;
  buildId: string;
  version: number;
  configFingerprint: string;
  computedAt: string;
  scopes: number;
}

const stateSchema = z.object({ figuresId: z.string(), buildId: z.string(), version: z.number().int(), configFingerprint: z.string(), computedAt: z.string(), scopes: z.number().int() });

export async function readFiguresState(): Promise<FiguresState | null> {
  const parsed = stateSchema.safeParse(await kvsGet(SNAPSHOT_KEYS.figures));
  return parsed.success ? parsed.data : null;
}

/** Equal for two configurations exactly when they give the same figures from the same issues. */
export const configFingerprint = (config: TransformationConfig): string => createHash('sha256').update(JSON.stringify(config)).digest('hex');

/** JQL box types are matched by each viewer's own search, so no figures computed once can serve every viewer. */
const hasJqlBoxTypes = (config: TransformationConfig): boolean => config.boxTypes.some((type) => type.source.kind === 'jql');

/** The stored figures' key of a page's scope; null for a box opened on a project page (its breadcrumbs are the project's). */
export function scopeKeyOf(request: ScopeRequest): string | null {
  if (request.projectKey === null) return request.boxId === undefined ? 'global' : `box:${request.boxId}`;
  return request.boxId === undefined ? `project:${request.projectKey}` : null;
}

/** Everything of the head a viewer who may see every issue reads: every project, every issue under a security level. */
async function everything(head: SnapshotHead): Promise<{ projectIds: Set<string>; issueIds: Set<string> }> {
  return { projectIds: new Set(head.projects.map((p) => p.id)), issueIds: new Set(await restrictedIds({ buildId: head.buildId, version: head.version })) };
}

/** Every page scope's figures of the model the whole head gives: the whole, each project's part, each box of the whole. */
function scopesOf(model: Awaited<ReturnType<typeof modelOfHead>>['model'], config: TransformationConfig, projectKeys: readonly string[]): { scopes: StoredScopeFigures[]; rows: ReturnType<typeof scheduleRows> } {
  const spans = treeSpans(model);
  const whole = resolveScope(model, null);
  const scopes: StoredScopeFigures[] = [{ scopeKey: 'global', summary: modelSummary({ model, scope: whole, pageScope: whole, boxId: null }, config, null), spans: scopeSpans(whole, spans) }];
  for (const projectKey of projectKeys) {
    const scope = resolveScope(model, projectKey);
    scopes.push({ scopeKey: `project:${projectKey}`, summary: modelSummary({ model, scope, pageScope: scope, boxId: null }, config, projectKey), spans: scopeSpans(scope, spans) });
  }
  for (const boxId of Object.keys(model.boxes)) {
    const scope = boxScope(model, whole, boxId);
    if (scope === null) continue;
    scopes.push({ scopeKey: `box:${boxId}`, summary: modelSummary({ model, scope, pageScope: whole, boxId }, config, null), spans: scopeSpans(scope, spans) });
  }
  return { scopes, rows: scheduleRows(model, spans) };
}

/**
 * Computes and stores every page's top-row figures of the current head as a viewer who may see every issue sees them,
 * unless they are stored already. 'unsupported' when the settings have JQL box types (each viewer's JQL decides).
 */
export async function computePageFigures(config: TransformationConfig, now: Date): Promise<'computed' | 'current' | 'unsupported' | 'noSnapshot'> {
  const head = await readHead();
  if (!head || head.mappingFingerprint !== mappingFingerprint(config)) return 'noSnapshot';
  if (hasJqlBoxTypes(config)) return 'unsupported';
  const fingerprint = configFingerprint(config);
  const state = await readFiguresState();
  if (state?.buildId === head.buildId && state.version === head.version && state.configFingerprint === fingerprint) return 'current';
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const { model } = await modelOfHead(head, await everything(head), config, {}, minute);
  const { scopes, rows } = scopesOf(model, config, head.projects.map((p) => p.key));
  const figuresId = randomUUID();
  await writeScopeFigures(figuresId, scopes);
  await writeScheduleRows(figuresId, rows);
  await kvsSet(SNAPSHOT_KEYS.figures, { figuresId, buildId: head.buildId, version: head.version, configFingerprint: fingerprint, computedAt: now.toISOString(), scopes: scopes.length } satisfies FiguresState);
  // The previous figures stay for a page that read their state just before: it finds its rows, or reads in full.
  await deleteOtherFigures(state ? [figuresId, state.figuresId] : [figuresId]);
  return 'computed';
}

/** A stored summary is the app's own JSON; checked for shape all the same before a page gets it. */
const storedSummarySchema = z.looseObject({
  transformationName: z.string(),
  scopeName: z.string(),
  progress: z.looseObject({ ratio: z.number() }),
  teamsConverted: z.looseObject({ ratio: z.number() }),
  issueCount: z.number(),
  warnings: z.array(z.looseObject({ message: z.string() })),
  warningCount: z.number(),
  breadcrumbs: z.array(z.unknown()),
  toolset: z.array(z.string()),
});

/** What the figures path found: the summary, or why the page must read its issues (with a check it may reuse). */
export type FiguresAnswer = { kind: 'summary'; summary: PageSummaryDto } | { kind: 'readInFull'; prior: PriorRead | undefined };

/**
 * The page's top row from the stored figures, when they are of the current head and settings and the viewer may see
 * every issue of it (one bulk permission check): one row and one count instead of every issue. Otherwise the page
 * reads its issues in full, and may reuse the permission check made here.
 */
export async function summaryFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date): Promise<FiguresAnswer> {
  const scopeKey = scopeKeyOf(request);
  if (scopeKey === null || hasJqlBoxTypes(config)) return { kind: 'readInFull', prior: undefined };
  const head = await readHead();
  if (!head) return { kind: 'readInFull', prior: undefined };
  const state = head.mappingFingerprint === mappingFingerprint(config) ? await readFiguresState() : null;
  if (state?.buildId !== head.buildId || state.version !== head.version || state.configFingerprint !== configFingerprint(config)) return { kind: 'readInFull', prior: { head } };
  const check = await checkViewer(asCaller, head);
  if (!seesEverything(head, check)) return { kind: 'readInFull', prior: { head, check } };
  const stored = await readScopeFigures(state.figuresId, scopeKey);
  if (stored === null) return { kind: 'readInFull', prior: { head, check } };
  const summary = storedSummarySchema.parse(stored.summary) as unknown as ModelSummary;
  const asOf = head.updatedAt ?? head.syncedAt;
  const schedule = await countSchedule(state.figuresId, stored.spans, now.toISOString().slice(0, 10));
  return { kind: 'summary', summary: { ...summary, readAt: asOf, schedule, source: { kind: 'snapshot', asOf, rowsHidden: false, note: null }, hiddenBecause: [] } };
}
