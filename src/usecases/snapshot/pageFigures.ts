import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BAND_RANK, backlogFacets, backlogIndex, boxScope, normaliseName, pageBounds, resolveScope, riskMatrix, roadmapIndex, scheduleRows, scopeSpans, searchWords, treeSpans, type BacklogDrill, type BacklogPage, type BacklogQuery, type RoadmapIndexRow, type Scope, type TransformationConfig, type TreeSpan } from '../../domain';
import type { PageSummaryDto, RiskMatrixDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { selectBacklogPage, writeBacklogRows } from '../../storage/snapshot/figureBacklog';
import { writeRoadmapIndex } from '../../storage/snapshot/figureRoadmap';
import { countSchedule, deleteFiguresBefore, readScopeDoc, readScopeFigures, writeScheduleRows, writeScopeDocs, writeScopeFigures, type StoredScopeFigures } from '../../storage/snapshot/figureRows';
import { restrictedIds } from '../../storage/snapshot/snapshotRows';
import { kvsDelete, kvsGet, kvsSet, readAllWithPrefix, readHead, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';
import { hiddenFromPage, modelSummary, type ModelSummary } from '../pageSummary';
import { queueFiguresWork } from '../../events/snapshotQueue';
import type { ScopeRequest } from '../readScope';
import { checkViewer, modelOfHead, seesEverything, type PriorRead, type ViewerCheck, type ViewerModel } from './readSnapshot';
import { mappingFingerprint } from './snapshotIssue';

/** Which head and settings the stored page figures are of; a page uses them only for exactly that head. */
export interface FiguresState {
  /** The class of viewers: 'all' for those who may see every issue, else a hash of what they may see. */
  classKey: string;
  figuresId: string;
  buildId: string;
  version: number;
  configFingerprint: string;
  computedAt: string;
  scopes: number;
}

const stateSchema = z.object({ classKey: z.string(), figuresId: z.string(), buildId: z.string(), version: z.number().int(), configFingerprint: z.string(), computedAt: z.string(), scopes: z.number().int() });
const filterSchema = z.object({ projectIds: z.array(z.string()), issueIds: z.array(z.string()) });

/**
 * One class of viewers' record, one KVS key: which head its figures are of and, for a class other than 'all', what
 * the class may see (the filter its figures are read with) and when a page last asked for them.
 */
interface ClassRecord {
  figures: FiguresState | null;
  filter: z.infer<typeof filterSchema> | null;
  requestedAt: string | null;
}

const recordSchema = z.object({ figures: stateSchema.nullable().catch(null), filter: filterSchema.nullable().catch(null), requestedAt: z.string().nullable().catch(null) });
const NO_RECORD: ClassRecord = { figures: null, filter: null, requestedAt: null };
const recordKey = (classKey: string) => `${SNAPSHOT_KEYS.figuresPrefix}${classKey}`;

async function readClassRecord(classKey: string): Promise<ClassRecord> {
  const parsed = recordSchema.safeParse(await kvsGet(recordKey(classKey)));
  return parsed.success ? parsed.data : NO_RECORD;
}

export async function readFiguresState(classKey = 'all'): Promise<FiguresState | null> {
  return (await readClassRecord(classKey)).figures;
}

/** Viewers who may see the same projects and the same issues under a security level see the same figures. */
function classOf(head: SnapshotHead, check: ViewerCheck): { classKey: string; filter: { projectIds: string[]; issueIds: string[] } } {
  if (seesEverything(head, check)) return { classKey: 'all', filter: { projectIds: [], issueIds: [] } };
  const projectIds = head.projects.map((p) => p.id).filter((id) => check.browsable.projectIds.has(id)).sort();
  const issueIds = check.restricted.filter((id) => check.browsable.issueIds.has(id)).sort();
  const classKey = createHash('sha256').update(JSON.stringify([projectIds, issueIds])).digest('hex').slice(0, 12);
  return { classKey, filter: { projectIds, issueIds } };
}

/** A class's figures are asked for at most this often while they are being computed. */
const REQUEST_AGAIN_MS = 60_000;

/** Records the class and queues its figures, unless that was done within the last minute. */
async function requestClassFigures(classKey: string, record: ClassRecord, filter: { projectIds: string[]; issueIds: string[] }, now: Date, queue: (classKey: string) => Promise<void>): Promise<void> {
  if (record.requestedAt !== null && now.getTime() - Date.parse(record.requestedAt) < REQUEST_AGAIN_MS) return;
  await kvsSet(recordKey(classKey), { ...record, filter, requestedAt: now.toISOString() } satisfies ClassRecord);
  await queue(classKey);
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

/** What a class of viewers reads of the head; for 'all', every project and every issue under a security level. Null for a class no page asked for. */
async function filterOf(head: SnapshotHead, classKey: string, record: ClassRecord): Promise<{ projectIds: Set<string>; issueIds: Set<string> } | null> {
  if (classKey === 'all') return { projectIds: new Set(head.projects.map((p) => p.id)), issueIds: new Set(await restrictedIds({ buildId: head.buildId, version: head.version })) };
  return record.filter === null ? null : { projectIds: new Set(record.filter.projectIds), issueIds: new Set(record.filter.issueIds) };
}

/** Every page scope's figures of the model the whole head gives: the whole, each project's part, each box of the whole. */
function scopesOf(viewed: ViewerModel, config: TransformationConfig, spans: ReadonlyMap<string, TreeSpan>, roadmapRows: readonly RoadmapIndexRow[], projectKeys: readonly string[]): { scopes: StoredScopeFigures[]; docs: ScopeDoc[] } {
  const { model, hidden } = viewed;
  const whole = resolveScope(model, null);
  const rowOf = new Map(roadmapRows.map((row) => [row.row.id, row]));
  // The whole's roadmap is every row; a box's is its row's subtree; a project's is no slice of it.
  const slice = (scope: Scope, boxId: string | null): StoredScopeFigures['roadmap'] => {
    if (scope.rootIds.length !== 1 || (boxId === null && scope !== whole)) return null;
    const top = rowOf.get(scope.rootIds[0] as string);
    return top === undefined ? null : { first: top.position, last: top.lastBelow, depth: top.depth };
  };
  const scopes: StoredScopeFigures[] = [];
  const docs: ScopeDoc[] = [];
  const add = (scopeKey: string, scope: Scope, pageScope: Scope, boxId: string | null, projectKey: string | null): void => {
    scopes.push({
      scopeKey,
      summary: { ...modelSummary({ model, scope, pageScope, boxId }, config, projectKey), hiddenBecause: hiddenFromPage({ model, scope, pageScope, boxId, hidden }, projectKey) },
      spans: scopeSpans(scope, spans),
      roadmap: slice(scope, boxId),
    });
    docs.push({ scopeKey, part: 'facets', value: backlogFacets(model, config, scope) }, { scopeKey, part: 'riskMatrix', value: riskMatrix(model, config, scope) });
  };
  add('global', whole, whole, null, null);
  for (const projectKey of projectKeys) {
    const scope = resolveScope(model, projectKey);
    add(`project:${projectKey}`, scope, scope, null, projectKey);
  }
  for (const boxId of Object.keys(model.boxes)) {
    const scope = boxScope(model, whole, boxId);
    if (scope !== null) add(`box:${boxId}`, scope, whole, boxId, null);
  }
  return { scopes, docs };
}

type ScopeDoc = Parameters<typeof writeScopeDocs>[1][number];

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
  const { scopes, docs } = scopesOf(viewed, config, spans, roadmapRows.rows, head.projects.map((p) => p.key));
  // Ids begin with the class and sort by when they were started within it (see deleteFiguresBefore).
  const figuresId = `${classKey.padEnd(12, '-')}-${now.getTime().toString(36).padStart(10, '0')}-${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await writeScopeFigures(figuresId, scopes);
  await writeScopeDocs(figuresId, docs);
  await writeScheduleRows(figuresId, scheduleRows(model, spans));
  await writeBacklogRows(figuresId, backlogIndex(model, config, spans));
  await writeRoadmapIndex(figuresId, roadmapRows);
  const figures: FiguresState = { classKey, figuresId, buildId: head.buildId, version: head.version, configFingerprint: fingerprint, computedAt: now.toISOString(), scopes: scopes.length };
  // The class and when it was asked for are kept as read at the start: a page asking meanwhile only asks again later.
  await kvsSet(recordKey(classKey), { ...record, figures } satisfies ClassRecord);
  // The previous figures stay for a page that read their state just before: it finds its rows, or reads in full.
  await deleteFiguresBefore(figuresId.slice(0, 13), state && state.figuresId < figuresId ? state.figuresId : figuresId);
  await forgetUnusedClasses(now);
  return 'computed';
}

/** A class no page asked for in this long loses its figures (they would only take storage). */
const CLASS_KEPT_MS = 24 * 60 * 60_000;

async function forgetUnusedClasses(now: Date): Promise<void> {
  for (const { key, value } of await readAllWithPrefix(SNAPSHOT_KEYS.figuresPrefix)) {
    const classKey = key.slice(SNAPSHOT_KEYS.figuresPrefix.length);
    const record = recordSchema.safeParse(value);
    const askedAt = record.success && record.data.requestedAt !== null ? Date.parse(record.data.requestedAt) : Number.NaN;
    if (classKey === 'all' || now.getTime() - askedAt < CLASS_KEPT_MS) continue;
    const prefix = `${classKey.padEnd(12, '-')}-`;
    await deleteFiguresBefore(prefix, `${prefix}~`);
    await kvsDelete(key);
  }
}

/** Stored figures that serve this viewer and scope, or why the page must read its issues in full (with what was read). */
export type FiguresFor = { kind: 'ready'; head: SnapshotHead; state: FiguresState; stored: StoredScopeFigures } | { kind: 'readInFull'; prior: PriorRead | undefined };

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
    return { kind: 'readInFull', prior };
  }
  const stored = await readScopeFigures(state.figuresId, scopeKey);
  return stored === null ? { kind: 'readInFull', prior } : { kind: 'ready', head, state, stored };
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

const facetsSchema = z.object({ boxes: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number() })), types: z.array(z.string()) });

/** Drills whose rows are the scope's work items, filtered: the others list boxes or a figure's own items. */
const ITEM_DRILLS: ReadonlySet<BacklogDrill | undefined> = new Set([undefined, 'late', 'risks', 'milestones']);

/**
 * One backlog page from the stored figures' rows (see figuresFor): filtered, ordered and cut in the database. Drills
 * that list boxes or a figure's own items are read in full.
 */
export async function backlogFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, query: BacklogQuery, now: Date, queue: (classKey: string) => Promise<void> = queueFiguresWork): Promise<FiguresAnswer<BacklogPage>> {
  if (!ITEM_DRILLS.has(query.drill)) return { kind: 'readInFull', prior: undefined };
  const found = await figuresFor(asCaller, config, request, now, queue);
  if (found.kind !== 'ready') return found;
  const { state, stored } = found;
  let boxSpan: TreeSpan | null = null;
  if (query.boxId !== undefined) {
    // The box must lie in the page's scope; if not (or gone), the full read refuses it as it always did.
    boxSpan = (await readScopeFigures(state.figuresId, `box:${query.boxId}`))?.spans[0] ?? null;
    if (boxSpan === null || !stored.spans.some((span) => span.position <= (boxSpan as TreeSpan).position && (boxSpan as TreeSpan).position <= span.lastBelow)) return { kind: 'readInFull', prior: { head: found.head } };
  }
  const typeName = query.type === undefined ? null : normaliseName(query.type);
  const { page, pageSize } = pageBounds(query);
  const facets = facetsSchema.parse(await readScopeDoc(state.figuresId, stored.scopeKey, 'facets'));
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

const riskMatrixSchema = z.looseObject({ cells: z.array(z.unknown()), residualCells: z.array(z.unknown()), risks: z.array(z.looseObject({ key: z.string() })), unscoredKeys: z.array(z.string()), closedCount: z.number() });

/** The risk matrix of the page's scope from the stored figures (see figuresFor): one document instead of every issue. */
export async function riskMatrixFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date, queue: (classKey: string) => Promise<void> = queueFiguresWork): Promise<FiguresAnswer<RiskMatrixDto>> {
  const found = await figuresFor(asCaller, config, request, now, queue);
  if (found.kind !== 'ready') return found;
  const stored = await readScopeDoc(found.state.figuresId, found.stored.scopeKey, 'riskMatrix');
  if (stored === null) return { kind: 'readInFull', prior: { head: found.head } };
  return { kind: 'answer', answer: riskMatrixSchema.parse(stored) as unknown as RiskMatrixDto };
}
