import { z } from 'zod';
import { lastWeek, type ReportPeriod, type TransformationConfig } from '../../domain';
import type { JiraApi } from '../../jira/jiraHttp';
import { queueFiguresWork, queueReportsWork } from '../../events/snapshotQueue';
import { readScopeDoc } from '../../storage/snapshot/figureRows';
import type { ScopeRequest } from '../readScope';
import { hasPeriod, type ReportPart, type Reports } from '../reports';
import { figuresFor, today, type FiguresAnswer } from './pageFigures';
import { readReportsRecord, requestReports } from './reportsRecord';

const periodSchema = z.object({ from: z.string(), to: z.string() });

/** A stored report is the app's own JSON; checked for shape all the same before a page gets it. */
const SCHEMAS: { [P in ReportPart]: z.ZodType } = {
  weeklyReport: z.looseObject({ period: periodSchema, overall: z.looseObject({ converted: z.array(z.unknown()) }), workstreams: z.array(z.looseObject({ boxId: z.string() })) }),
  valueTracking: z.looseObject({ gates: z.array(z.string()), pipeline: z.array(z.unknown()), ungated: z.array(z.string()), byWorkstream: z.array(z.unknown()), overTime: z.array(z.unknown()), stuck: z.array(z.unknown()), stuckThresholdDays: z.number() }),
  flowReport: z.looseObject({ period: periodSchema, overall: z.looseObject({ velocity: z.number() }), byBox: z.array(z.unknown()), overTime: z.array(z.unknown()) }),
  forecast: z.looseObject({ method: z.string(), trials: z.number(), sampleWeeks: z.number(), teamsConverted: z.looseObject({ remaining: z.number() }), initiatives: z.array(z.unknown()) }),
};

const samePeriod = (a: ReportPeriod, b: ReportPeriod): boolean => a.from === b.from && a.to === b.to;

/**
 * A report of the page's scope from the stored figures (see figuresFor): one document instead of every issue and its
 * history. Stored are the reports of the day they were computed, the weekly and flow reports of its last 7 days; another
 * period is read in full, and so is any report on a later day (which asks for today's, at most once a minute).
 */
export async function reportFromFigures<P extends ReportPart>(
  asCaller: JiraApi,
  config: TransformationConfig,
  request: ScopeRequest,
  part: P,
  period: ReportPeriod | undefined,
  now: Date,
  queue: { figures: (classKey: string) => Promise<void>; reports: (classKey: string) => Promise<void> } = { figures: queueFiguresWork, reports: queueReportsWork },
): Promise<FiguresAnswer<Reports[P]>> {
  const day = today(now);
  if (hasPeriod(part) && period !== undefined && !samePeriod(period, lastWeek(day))) return { kind: 'readInFull', prior: undefined };
  const found = await figuresFor(asCaller, config, request, now, queue.figures);
  if (found.kind !== 'ready') return found;
  const prior = { head: found.head, check: found.check };
  const record = await readReportsRecord(found.state.classKey);
  if (record.reports?.figuresId !== found.state.figuresId || record.reports.day !== day) {
    await requestReports(found.state.classKey, record, now, queue.reports);
    return { kind: 'readInFull', prior: { ...prior, figuresQueued: true } };
  }
  const stored = await readScopeDoc(found.state.figuresId, found.stored.scopeKey, part);
  if (stored === null) return { kind: 'readInFull', prior };
  return { kind: 'answer', answer: SCHEMAS[part].parse(stored) as Reports[P] };
}
