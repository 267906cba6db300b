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

const BASELINE_HEADER = ['Baseline start', 'Baseline due', 'Slip', 'Progress change'];
/** In words, not signed numbers: a leading + or − would be taken for a formula and defused into text anyway. */
const slipWords = (days: number | null): string => (days === null ? '' : days === 0 ? 'on time' : `${Math.abs(days)} days ${days > 0 ? 'later' : 'earlier'}`);
const deltaWords = (delta: number | null): string => {
  if (delta === null) return '';
  const points = Math.round(delta * 1000) / 10;
  return points === 0 ? 'unchanged' : `${Math.abs(points).toFixed(1)} points ${points > 0 ? 'higher' : 'lower'}`;
};
const baselineRecord = ({ baseline }: OverviewRowDto): string[] =>
  baseline === null ? ['', '', '', ''] : [baseline.start ?? '', baseline.due ?? '', slipWords(baseline.slipDays), deltaWords(baseline.progressDelta)];

/** A header, then one record per box in the order given; with a baseline, its dates, the slip and the progress change too. */
export const overviewCsv = (rows: readonly OverviewRowDto[], withBaseline = false): string =>
  toCsv(withBaseline ? [[...HEADER, ...BASELINE_HEADER], ...rows.map((row) => [...record(row), ...baselineRecord(row)])] : [HEADER, ...rows.map(record)]);

/** "boxes-2026-03-07.csv", in local time. */
export function overviewFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `boxes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
