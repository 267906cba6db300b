import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { backlogFacets, backlogIndexRows, overview, riskMatrix, roadmapIndex, scheduleRows, scopeSpans, treeSpans, type RoadmapIndexRow, type Scope, type TransformationConfig, type TreeSpan } from '../../domain';
import type { PageSummaryDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { writeBacklogRows } from '../../storage/snapshot/figureBacklog';
import { writeRoadmapIndex } from '../../storage/snapshot/figureRoadmap';
import { countSchedule, deleteFiguresBefore, readScopeFigures, writeScheduleRows, writeScopeDocs, writeScopeFigures, type ScopeDocPart, type StoredScopeFigures } from '../../storage/snapshot/figureRows';
import { kvsSet, readHead } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';
import { hiddenFromPage, modelSummary, type ModelSummary } from '../pageSummary';
import { teamsOfScope } from '../teamsPanel';
import { queueFiguresWork } from '../../events/snapshotQueue';
import type { ScopeRequest } from '../readScope';
import { checkViewer, modelOfHead, type PriorRead, type ViewerCheck, type ViewerModel } from './readSnapshot';
import { classOf, configFingerprint, filterOf, forgetUnusedClasses, hasJqlBoxTypes, readClassRecord, recordKey, requestClassFigures, type ClassRecord, type FiguresState } from './figuresClasses';
import { mappingFingerprint } from './snapshotIssue';
import { FULL_READ_LIMIT } from './notReady';
import { figureScopes } from './figureScopes';

/** The stored figures' key of a page's scope; null for a box opened on a project page (its breadcrumbs are the project's). */
export function scopeKeyOf(request: ScopeRequest): string | null {
  if (request.projectKey === null) return request.boxId === undefined ? 'global' : `box:${request.boxId}`;
  return request.boxId === undefined ? `project:${request.projectKey}` : null;
}

/** The day the Overview's rows are stored as of (see overviewFromFigures). */
export const OVERVIEW_STORED_DAY = '0000-01-01';

/** Every page scope's top row of the model the whole head gives: the whole, each project's part, each box of the whole. */
function scopesOf(viewed: ViewerModel, config: TransformationConfig, spans: ReadonlyMap<string, TreeSpan>, roadmapRows: readonly RoadmapIndexRow[], projectKeys: readonly string[]): StoredScopeFigures[] {
  const { model, hidden } = viewed;
  const rowOf = new Map(roadmapRows.map((row) => [row.row.id, row]));
  // The whole's roadmap is every row; a box's is its row's subtree; a project's is no slice of it.
  const slice = (scope: Scope, projectKey: string | null): StoredScopeFigures['roadmap'] => {
    if (scope.rootIds.length !== 1 || projectKey !== null) return null;
    const top = rowOf.get(scope.rootIds[0] as string);
    return top === undefined ? null : { first: top.position, last: top.lastBelow, depth: top.depth };
  };
  const scopes: StoredScopeFigures[] = [];
  for (const { scopeKey, scope, pageScope, boxId, projectKey } of figureScopes(model, projectKeys)) {
    scopes.push({
      scopeKey,
      summary: { ...modelSummary({ model, scope, pageScope, boxId }, config, projectKey), hiddenBecause: hiddenFromPage({ model, scope, pageScope, boxId, hidden }, projectKey) },
      spans: scopeSpans(scope, spans),
      roadmap: slice(scope, projectKey),
    });
  }
  return scopes;
}

/** Every page scope's larger documents, each computed as it is written (at 300k issues they do not all fit at once). */
function* scopeDocs(viewed: ViewerModel, config: TransformationConfig, projectKeys: readonly string[]): Generator<ScopeDoc> {
  const { model } = viewed;
  for (const { scopeKey, scope } of figureScopes(model, projectKeys)) {
    yield { scopeKey, part: 'facets', value: backlogFacets(model, config, scope) };
    yield { scopeKey, part: 'riskMatrix', value: riskMatrix(model, config, scope) };
    // On this day nothing is late: a row's schedule is 'done' or not, and the page's day decides the rest (overviewFromFigures).
    yield { scopeKey, part: 'overview', value: overview(model, config, scope, OVERVIEW_STORED_DAY) };
    yield { scopeKey, part: 'teams', value: teamsOfScope(model, config, scope, viewed.issueIds) };
  }
}

type ScopeDoc = { scopeKey: string; part: ScopeDocPart; value: unknown };

/**
 * Computes and stores every page's figures of the current head as one class of viewers sees them ('all': those who may
 * see every issue), unless they are stored already. 'unsupported' when the settings have JQL box types (each viewer's
 * JQL decides their boxes); 'unknownClass' for a class no page asked for.
 */
export async function computePageFigures(config: TransformationConfig, now: Date, classKey = 'all'): Promise<'computed' | 'current' | 'unsupported' | 'noSnapshot' | 'unknownClass'> {
  const head = await readHead();
  if (!head || head.mappingFingerprint !== mappingFingerprint(config)) return 'noSnapshot';
  if (hasJqlBoxTypes(config)) return 'unsupported';
  const fingerprint = configFingerprint(config);
  const record = await readClassRecord(classKey);
  const state = record.figures;
  if (state?.buildId === head.buildId && state.version === head.version && state.configFingerprint === fingerprint) return 'current';
  const filter = await filterOf(head, classKey, record);
  if (filter === null) return 'unknownClass';
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const viewed = await modelOfHead(head, filter, config, {}, minute);
  const { model } = viewed;
  const spans = treeSpans(model);
  const roadmapRows = roadmapIndex(model, config);
  const projectKeys = head.projects.map((p) => p.key);
  const scopes = scopesOf(viewed, config, spans, roadmapRows.rows, projectKeys);
  // Ids begin with the class and sort by when they were started within it (see deleteFiguresBefore).
  const figuresId = `${classKey.padEnd(12, '-')}-${now.getTime().toString(36).padStart(10, '0')}-${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await writeScopeFigures(figuresId, scopes);
  await writeScopeDocs(figuresId, scopeDocs(viewed, config, projectKeys));
  await writeScheduleRows(figuresId, scheduleRows(model, spans));
  await writeBacklogRows(figuresId, backlogIndexRows(model, config, spans));
  await writeRoadmapIndex(figuresId, roadmapRows);
  const figures: FiguresState = { classKey, figuresId, buildId: head.buildId, version: head.version, configFingerprint: fingerprint, computedAt: now.toISOString(), scopes: scopes.length, headAsOf: head.updatedAt ?? head.syncedAt };
  // The class and when it was asked for are kept as read at the start: a page asking meanwhile only asks again later.
  await kvsSet(recordKey(classKey), { ...record, figures } satisfies ClassRecord);
  // The previous figures stay for a page that read their state just before: it finds its rows, or reads in full.
  await deleteFiguresBefore(figuresId.slice(0, 13), state && state.figuresId < figuresId ? state.figuresId : figuresId);
  await forgetUnusedClasses(now);
  return 'computed';
}

/** Stored figures that serve this viewer and scope, or why the page must read its issues in full (with what was read). */
export type FiguresFor = { kind: 'ready'; head: SnapshotHead; check: ViewerCheck; state: FiguresState; stored: StoredScopeFigures } | { kind: 'readInFull'; prior: PriorRead | undefined };

/**
 * The stored figures of the page's scope for the viewer's class (what they may see, by one bulk permission check),
 * when they are of the current head and settings. Otherwise the page reads its issues in full, reusing what was read
 * here, and the class's figures are asked for so that the next page load finds them.
 */
export async function figuresFor(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date, queue: (classKey: string) => Promise<void>): Promise<FiguresFor> {
  const scopeKey = scopeKeyOf(request);
  if (scopeKey === null || hasJqlBoxTypes(config)) return { kind: 'readInFull', prior: undefined };
  const head = await readHead();
  if (!head || head.mappingFingerprint !== mappingFingerprint(config)) return { kind: 'readInFull', prior: head ? { head } : undefined };
  const check = await checkViewer(asCaller, head);
  const prior = { head, check };
  const { classKey, filter } = classOf(head, check);
  const record = await readClassRecord(classKey);
  const state = record.figures;
  if (state?.buildId !== head.buildId || state.version !== head.version || state.configFingerprint !== configFingerprint(config)) {
    // The 'all' class is computed after every change anyway; another class only once a page of it asks.
    if (classKey !== 'all') await requestClassFigures(classKey, record, filter, now, queue);
    // Too many issues for a full read: the same build's previous figures serve, as of their own head, until the new ones are in.
    if (head.issueCount > FULL_READ_LIMIT.maxIssues && state?.buildId === head.buildId && state.configFingerprint === configFingerprint(config) && state.headAsOf !== undefined) {
      const previous = await readScopeFigures(state.figuresId, scopeKey);
      if (previous !== null) return { kind: 'ready', head: { ...head, version: state.version, updatedAt: state.headAsOf }, check, state, stored: previous };
    }
    return { kind: 'readInFull', prior: { ...prior, figuresQueued: true } };
  }
  const stored = await readScopeFigures(state.figuresId, scopeKey);
  return stored === null ? { kind: 'readInFull', prior } : { kind: 'ready', head, check, state, stored };
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
  hiddenBecause: z.array(z.enum(['project', 'securityLevel'])),
});

export type FiguresAnswer<T> = { kind: 'answer'; answer: T } | { kind: 'readInFull'; prior: PriorRead | undefined };

export const today = (now: Date): string => now.toISOString().slice(0, 10);

/** The page's top row from the stored figures: one row and one count instead of every issue (see figuresFor). */
export async function summaryFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date, queue: (classKey: string) => Promise<void> = queueFiguresWork): Promise<FiguresAnswer<PageSummaryDto>> {
  const found = await figuresFor(asCaller, config, request, now, queue);
  if (found.kind !== 'ready') return found;
  const { head, state, stored } = found;
  const summary = storedSummarySchema.parse(stored.summary) as unknown as ModelSummary & Pick<PageSummaryDto, 'hiddenBecause'>;
  const asOf = head.updatedAt ?? head.syncedAt;
  const schedule = await countSchedule(state.figuresId, stored.spans, today(now));
  return { kind: 'answer', answer: { ...summary, readAt: asOf, schedule, source: { kind: 'snapshot', asOf, rowsHidden: summary.hiddenBecause.length > 0, note: null } } };
}

