/** The backlog, the risk matrix, the Overview and teams converted from the stored page figures (see figuresFor). */
import { z } from 'zod';
import { BAND_RANK, normaliseName, pageBounds, scheduleStatus, searchWords, type TeamRow, type BacklogDrill, type BacklogPage, type BacklogQuery, type TransformationConfig, type TreeSpan } from '../../domain';
import type { OverviewDto, OverviewRowDto, RiskMatrixDto, TeamsConvertedPanelDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { queueFiguresWork } from '../../events/snapshotQueue';
import { selectBacklogPage } from '../../storage/snapshot/figureBacklog';
import { readScopeDoc, readScopeFigures } from '../../storage/snapshot/figureRows';
import { readHistory } from '../../storage/snapshot/historyRows';
import { teamIssueIds, teamsAnswer, type TeamBoxRef } from '../teamsPanel';
import { historyReady } from './history';
import type { ScopeRequest } from '../readScope';
import { figuresFor, today, type FiguresAnswer } from './pageFigures';

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

const overviewSchema = z.object({ rows: z.array(z.looseObject({ id: z.string(), due: z.string().nullable(), schedule: z.string() })), totalRows: z.number() });

/**
 * The Overview of the page's scope from the stored figures (see figuresFor), without a baseline: rows stored as of a day
 * before any due date, so a row's stored schedule says only whether it is done; the page's day decides late or on track.
 */
export async function overviewFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date, queue: (classKey: string) => Promise<void> = queueFiguresWork): Promise<FiguresAnswer<OverviewDto>> {
  const found = await figuresFor(asCaller, config, request, now, queue);
  if (found.kind !== 'ready') return found;
  const stored = await readScopeDoc(found.state.figuresId, found.stored.scopeKey, 'overview');
  if (stored === null) return { kind: 'readInFull', prior: { head: found.head } };
  const { rows, totalRows } = overviewSchema.parse(stored);
  const day = today(now);
  const dated = rows.map((row) => ({ ...row, schedule: scheduleStatus(row.schedule === 'done', row.due, day), baseline: null }) as unknown as OverviewRowDto);
  return { kind: 'answer', answer: { today: day, rows: dated, totalRows, baseline: null } };
}

const teamsSchema = z.object({
  rows: z.array(z.looseObject({ id: z.string(), stage: z.string().nullable() })),
  teams: z.array(z.object({ key: z.string(), issueId: z.string().nullable(), created: z.string().nullable(), currentStage: z.string().nullable() })),
});

/**
 * Teams converted of the page's scope from the stored figures (see figuresFor): its rows and team boxes stored, their
 * stage changes from the snapshot's changelog rows up to the head's moment (read in full until those rows are complete).
 */
export async function teamsFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date, queue: (classKey: string) => Promise<void> = queueFiguresWork): Promise<FiguresAnswer<TeamsConvertedPanelDto>> {
  const found = await figuresFor(asCaller, config, request, now, queue);
  if (found.kind !== 'ready') return found;
  const { head } = found;
  const stored = await readScopeDoc(found.state.figuresId, found.stored.scopeKey, 'teams');
  if (stored === null) return { kind: 'readInFull', prior: { head } };
  const { rows, teams } = teamsSchema.parse(stored) as unknown as { rows: TeamRow[]; teams: TeamBoxRef[] };
  const stageFieldId = head.fieldIds.conversionStage;
  const ids = teamIssueIds(teams);
  if (stageFieldId === undefined || ids.length === 0) return { kind: 'answer', answer: teamsAnswer(config, rows, teams, null, today(now)) };
  if (!(await historyReady(head.buildId))) return { kind: 'readInFull', prior: { head } };
  const changes = (await readHistory(head.buildId, ids, Date.parse(head.updatedAt ?? head.syncedAt))).filter((change) => change.fieldId === stageFieldId);
  return { kind: 'answer', answer: teamsAnswer(config, rows, teams, changes, today(now)) };
}
