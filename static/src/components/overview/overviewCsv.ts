/** The Overview as RFC 4180 CSV, through the backlog's writer and its formula-injection guard. No React here. */
import type { OverviewRowDto } from '../../../../src/contract';
import { toCsv } from '../backlog/csv';
import { methodLabel } from '../methodLabel';
import { scheduleText } from '../roadmap/labels';

const HEADER = ['Key', 'Name', 'Type', 'Level', 'Parent', 'Progress', 'Progress basis', 'Progress method', 'Start', 'Due', 'Schedule', 'Teams converted', 'Teams', 'Open risks critical', 'Open risks high', 'Open risks medium', 'Open risks low', 'Open risks unscored', 'Owner', 'Sponsor'];

const record = (row: OverviewRowDto): string[] => [
  row.key ?? '',
  row.name,
  row.typeName,
  String(row.depth + 1),
  row.parentId ?? '',
  row.progress.percentText,
  row.progress.basis,
  methodLabel(row.progress.method),
  row.start ?? '',
  row.due ?? '',
  scheduleText(row.schedule),
  String(row.teamsConverted.converted),
  String(row.teamsConverted.total),
  String(row.openRisks.critical),
  String(row.openRisks.high),
  String(row.openRisks.medium),
  String(row.openRisks.low),
  String(row.openRisks.unscored),
  row.owner ?? '',
  row.sponsor ?? '',
];

/** A header, then one record per box in the order given. */
export const overviewCsv = (rows: readonly OverviewRowDto[]): string => toCsv([HEADER, ...rows.map(record)]);

/** "boxes-2026-03-07.csv", in local time. */
export function overviewFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `boxes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
