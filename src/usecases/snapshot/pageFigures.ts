import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BAND_RANK, backlogFacets, backlogIndex, boxScope, normaliseName, pageBounds, resolveScope, roadmapIndex, scheduleRows, scopeSpans, searchWords, treeSpans, type BacklogDrill, type BacklogPage, type BacklogQuery, type RoadmapIndexRow, type Scope, type TransformationConfig, type TreeSpan } from '../../domain';
import type { PageSummaryDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { selectBacklogPage, writeBacklogRows } from '../../storage/snapshot/figureBacklog';
import { writeRoadmapIndex } from '../../storage/snapshot/figureRoadmap';
import { countSchedule, deleteFiguresBefore, readScopeFigures, writeScheduleRows, writeScopeFigures, type StoredScopeFigures } from '../../storage/snapshot/figureRows';
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

type Model = Awaited<ReturnType<typeof modelOfHead>>['model'];

/** Every page scope's figures of the model the whole head gives: the whole, each project's part, each box of the whole. */
function scopesOf(model: Model, config: TransformationConfig, spans: ReadonlyMap<string, TreeSpan>, roadmapRows: readonly RoadmapIndexRow[], projectKeys: readonly string[]): StoredScopeFigures[] {
  const whole = resolveScope(model, null);
  const rowOf = new Map(roadmapRows.map((row) => [row.row.id, row]));
  // The whole's roadmap is every row; a box's is its row's subtree; a project's is no slice of it.
  const slice = (scope: Scope, boxId: string | null): StoredScopeFigures['roadmap'] => {
    if (scope.rootIds.length !== 1 || (boxId === null && scope !== whole)) return null;
    const top = rowOf.get(scope.rootIds[0] as string);
    return top === undefined ? null : { first: top.position, last: top.lastBelow, depth: top.depth };
  };
  const figuresOf = (scopeKey: string, scope: Scope, pageScope: Scope, boxId: string | null, projectKey: string | null): StoredScopeFigures => ({
    scopeKey,
    summary: modelSummary({ model, scope, pageScope, boxId }, config, projectKey),
    spans: scopeSpans(scope, spans),
    facets: backlogFacets(model, config, scope),
    roadmap: slice(scope, boxId),
  });
  const scopes = [figuresOf('global', whole, whole, null, null)];
  for (const projectKey of projectKeys) {
    const scope = resolveScope(model, projectKey);
    scopes.push(figuresOf(`project:${projectKey}`, scope, scope, null, projectKey));
  }
  for (const boxId of Object.keys(model.boxes)) {
    const scope = boxScope(model, whole, boxId);
    if (scope !== null) scopes.push(figuresOf(`box:${boxId}`, scope, whole, boxId, null));
  }
  return scopes;
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
  const spans = treeSpans(model);
  const roadmapRows = roadmapIndex(model, config);
  const scopes = scopesOf(model, config, spans, roadmapRows.rows, head.projects.map((p) => p.key));
  // Ids sort by when they were started (see deleteFiguresBefore).
  const figuresId = `${now.getTime().toString(36).padStart(10, '0')}-${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await writeScopeFigures(figuresId, scopes);
  await writeScheduleRows(figuresId, scheduleRows(model, spans));
  await writeBacklogRows(figuresId, backlogIndex(model, config, spans));
  await writeRoadmapIndex(figuresId, roadmapRows);
  await kvsSet(SNAPSHOT_KEYS.figures, { figuresId, buildId: head.buildId, version: head.version, configFingerprint: fingerprint, computedAt: now.toISOString(), scopes: scopes.length } satisfies FiguresState);
  // The previous figures stay for a page that read their state just before: it finds its rows, or reads in full.
  await deleteFiguresBefore(state && state.figuresId < figuresId ? state.figuresId : figuresId);
  return 'computed';
}

/** Stored figures that serve this viewer and scope, or why the page must read its issues in full (with what was read). */
export type FiguresFor = { kind: 'ready'; head: SnapshotHead; state: FiguresState; stored: StoredScopeFigures } | { kind: 'readInFull'; prior: PriorRead | undefined };

/**
 * The stored figures of the page's scope, when they are of the current head and settings and the viewer may see every
 * issue of it (one bulk permission check). Otherwise the page reads its issues in full, and may reuse what was read here.
 */
export async function figuresFor(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, withFacets: boolean): Promise<FiguresFor> {
  const scopeKey = scopeKeyOf(request);
  if (scopeKey === null || hasJqlBoxTypes(config)) return { kind: 'readInFull', prior: undefined };
  const head = await readHead();
  if (!head) return { kind: 'readInFull', prior: undefined };
  const state = head.mappingFingerprint === mappingFingerprint(config) ? await readFiguresState() : null;
  if (state?.buildId !== head.buildId || state.version !== head.version || state.configFingerprint !== configFingerprint(config)) return { kind: 'readInFull', prior: { head } };
  const check = await checkViewer(asCaller, head);
  if (!seesEverything(head, check)) return { kind: 'readInFull', prior: { head, check } };
  const stored = await readScopeFigures(state.figuresId, scopeKey, withFacets);
  return stored === null ? { kind: 'readInFull', prior: { head, check } } : { kind: 'ready', head, state, stored };
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

export type FiguresAnswer<T> = { kind: 'answer'; answer: T } | { kind: 'readInFull'; prior: PriorRead | undefined };

export const today = (now: Date): string => now.toISOString().slice(0, 10);

/** The page's top row from the stored figures: one row and one count instead of every issue (see figuresFor). */
export async function summaryFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date): Promise<FiguresAnswer<PageSummaryDto>> {
  const found = await figuresFor(asCaller, config, request, false);
  if (found.kind !== 'ready') return found;
  const { head, state, stored } = found;
  const summary = storedSummarySchema.parse(stored.summary) as unknown as ModelSummary;
  const asOf = head.updatedAt ?? head.syncedAt;
  const schedule = await countSchedule(state.figuresId, stored.spans, today(now));
  return { kind: 'answer', answer: { ...summary, readAt: asOf, schedule, source: { kind: 'snapshot', asOf, rowsHidden: false, note: null }, hiddenBecause: [] } };
}

const facetsSchema = z.object({ boxes: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number() })), types: z.array(z.string()) });

/** Drills whose rows are the scope's work items, filtered: the others list boxes or a figure's own items. */
const ITEM_DRILLS: ReadonlySet<BacklogDrill | undefined> = new Set([undefined, 'late', 'risks', 'milestones']);

/**
 * One backlog page from the stored figures' rows (see figuresFor): filtered, ordered and cut in the database. Drills
 * that list boxes or a figure's own items are read in full.
 */
export async function backlogFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, query: BacklogQuery, now: Date): Promise<FiguresAnswer<BacklogPage>> {
  if (!ITEM_DRILLS.has(query.drill)) return { kind: 'readInFull', prior: undefined };
  const found = await figuresFor(asCaller, config, request, true);
  if (found.kind !== 'ready') return found;
  const { state, stored } = found;
  let boxSpan: TreeSpan | null = null;
  if (query.boxId !== undefined) {
    // The box must lie in the page's scope; if not (or gone), the full read refuses it as it always did.
    boxSpan = (await readScopeFigures(state.figuresId, `box:${query.boxId}`, false))?.spans[0] ?? null;
    if (boxSpan === null || !stored.spans.some((span) => span.position <= (boxSpan as TreeSpan).position && (boxSpan as TreeSpan).position <= span.lastBelow)) return { kind: 'readInFull', prior: { head: found.head } };
  }
  const typeName = query.type === undefined ? null : normaliseName(query.type);
  const { page, pageSize } = pageBounds(query);
  const facets = facetsSchema.parse(stored.facets);
  if (typeName === '') return { kind: 'answer', answer: { items: [], total: 0, page, pageSize, facets, drillNote: null } };
  const { items, total } = await selectBacklogPage(state.figuresId, {
    spans: stored.spans,
    projectKey: request.boxId === undefined ? request.projectKey : null,
    boxSpan,
    only: query.drill === 'risks' ? 'risks' : query.drill === 'milestones' ? 'milestones' : 'all',
    lateOnly: query.drill === 'late',
    statusCategory: query.statusCategory ?? null,
    typeName,
    words: searchWords(query.text),
    riskBandRank: query.riskBand === undefined ? null : BAND_RANK[query.riskBand],
    sort: query.sort ?? null,
    offset: page * pageSize,
    limit: pageSize,
    today: today(now),
  });
  return { kind: 'answer', answer: { items, total, page, pageSize, facets, drillNote: null } };
}
