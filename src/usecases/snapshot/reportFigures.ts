import { changesByKey, lastWeek, scopeHistory, type FieldChange, type StatusCategories, type TransformationConfig } from '../../domain';
import type { JiraApi } from '../../jira/jiraHttp';
import { writeScopeTexts, type ScopeDocPart } from '../../storage/snapshot/figureRows';
import { readHistory as readHistoryRows } from '../../storage/snapshot/historyRows';
import { readHead } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';
import { conceptsOf, readStatusCategories, reportChanges } from '../readHistory';
import { REPORT_PARTS, REPORTS } from '../reports';
import { configFingerprint, filterOf, hasJqlBoxTypes, readClassRecord } from './figuresClasses';
import { figureScopes } from './figureScopes';
import { historyReady } from './history';
import { today } from './pageFigures';
import { modelOfHead, type ViewerModel } from './readSnapshot';
import { readReportsRecord, writeReportsRecord } from './reportsRecord';
import { mappingFingerprint } from './snapshotIssue';

/**
 * Computes and stores every page scope's reports of today (the weekly and flow reports of the 7 days ending today) as
 * one class of viewers sees them, with the class's current page figures, unless they are stored already. Reads the
 * head's model and the whole history once, then each scope's share of it; needs the page figures of the head
 * ('noFigures') and the history rows of its build ('noHistory').
 */
export async function computeReportFigures(asApp: JiraApi, config: TransformationConfig, now: Date, classKey = 'all'): Promise<'computed' | 'current' | 'unsupported' | 'noFigures' | 'noHistory' | 'unknownClass'> {
  const head = await readHead();
  if (!head || head.mappingFingerprint !== mappingFingerprint(config)) return 'noFigures';
  if (hasJqlBoxTypes(config)) return 'unsupported';
  const classRecord = await readClassRecord(classKey);
  const figures = classRecord.figures;
  if (figures?.buildId !== head.buildId || figures.version !== head.version || figures.configFingerprint !== configFingerprint(config)) return 'noFigures';
  const record = await readReportsRecord(classKey);
  const day = today(now);
  if (record.reports?.figuresId === figures.figuresId && record.reports.day === day) return 'current';
  if (!(await historyReady(head.buildId))) return 'noHistory';
  const filter = await filterOf(head, classKey, classRecord);
  if (filter === null) return 'unknownClass';
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const viewed = await modelOfHead(head, filter, config, {}, minute);
  const [byKey, statusCategories] = await Promise.all([historyByKey(head, viewed), readStatusCategories(asApp)]);
  const scopes = await writeReports(figures.figuresId, viewed, config, byKey, statusCategories, day, head.projects.map((p) => p.key));
  // The request is kept as read at the start: a page asking meanwhile only asks again later.
  await writeReportsRecord(classKey, { ...record, reports: { figuresId: figures.figuresId, day, computedAt: now.toISOString(), scopes } });
  return 'computed';
}

/** Every change of the viewers' issues up to the head's moment, by issue key (the flat list is not kept). */
async function historyByKey(head: SnapshotHead, viewed: ViewerModel): Promise<Map<string, FieldChange[]>> {
  const keyById = new Map<string | undefined, string>([...viewed.issueIds].map(([key, id]) => [id, key]));
  const asOf = Date.parse(head.updatedAt ?? head.syncedAt);
  return changesByKey(reportChanges(await readHistoryRows(head.buildId, 'all', asOf), conceptsOf(head.fieldIds), keyById, asOf));
}

/** Each scope's reports, written as they are computed (writeScopeTexts takes them one at a time); returns how many scopes. */
async function writeReports(figuresId: string, viewed: ViewerModel, config: TransformationConfig, byKey: ReadonlyMap<string, readonly FieldChange[]>, statusCategories: StatusCategories, day: string, projectKeys: readonly string[]): Promise<number> {
  const { model } = viewed;
  const period = lastWeek(day);
  let scopes = 0;
  function* texts(): Generator<{ scopeKey: string; part: ScopeDocPart; text: string }> {
    for (const { scopeKey, scope } of figureScopes(model, projectKeys)) {
      const inputs = { model, config, scope, history: scopeHistory(byKey, scope), statusCategories, today: day };
      for (const part of REPORT_PARTS) yield { scopeKey, part, text: JSON.stringify(REPORTS[part](inputs, period)) };
      scopes += 1;
    }
  }
  await writeScopeTexts(figuresId, texts());
  return scopes;
}
