/**
 * What each report exports: the figures it shows, as blocks (a title line, a header, the rows, a blank line between),
 * written by the backlog's RFC 4180 builder. No React here.
 */
import type { FlowMeasuresDto, FlowReportDto, ForecastDto, ForecastLineDto, ReportPeriodDto, ValueTrackingDto, WeeklyReportDto } from '../../../../src/contract/reports';
import { toCsv } from '../backlog/csv';
import { FLOW_KINDS, kindCount } from './flow';
import { changeWords, forecastDateText, percentText, pointsChangeWords } from './format';
import { localToday, periodText } from './period';
import { weekSections } from './weekly';

export type ReportKind = 'weekly' | 'value' | 'flow' | 'forecast';

export interface CsvBlock {
  title: string;
  header: string[];
  rows: string[][];
}

/** The blocks one after another, a blank record between two. */
export function csvRecords(blocks: readonly CsvBlock[]): string[][] {
  return blocks.flatMap((block, i) => [...(i > 0 ? [[]] : []), [block.title], block.header, ...block.rows]);
}

export const blocksCsv = (blocks: readonly CsvBlock[]): string => toCsv(csvRecords(blocks));

/** A number as a spreadsheet reads it; null is an empty cell. */
const num = (value: number | null): string => (value === null ? '' : String(value));
const pct = (ratio: number | null): string => (ratio === null ? '' : percentText(ratio));

export function weeklyBlocks(report: WeeklyReportDto): CsvBlock[] {
  const { overall } = report;
  const teams = (n: number) => `${n} of ${overall.teamsTotal}`;
  const byWorkstream = report.workstreams.flatMap((ws) => {
    const who = [ws.name, ws.sponsor ?? ''];
    return [
      [...who, 'Progress', '', '', `${percentText(ws.progressBefore)} → ${percentText(ws.progressAfter)} (${pointsChangeWords(ws.progressBefore, ws.progressAfter)})`, ''],
      [...who, 'Teams converted', '', '', `${ws.teamsConvertedBefore} → ${ws.teamsConvertedAfter} of ${ws.teamsTotal} (${changeWords(ws.teamsConvertedBefore, ws.teamsConvertedAfter)})`, ''],
      ...weekSections(ws).flatMap((s) =>
        s.lines.length === 0 ? [[...who, s.title, '', '', s.emptyText, '']] : s.lines.map((l) => [...who, s.title, l.key, l.summary, l.detail, l.flagged ? 'flagged' : '']),
      ),
    ];
  });
  return [
    {
      title: `Weekly transformation report, ${periodText(report.period)}`,
      header: ['Measure', 'Before', 'After', 'Change'],
      rows: [
        ['Progress', percentText(overall.progressBefore), percentText(overall.progressAfter), pointsChangeWords(overall.progressBefore, overall.progressAfter)],
        ['Teams converted', teams(overall.teamsConvertedBefore), teams(overall.teamsConvertedAfter), changeWords(overall.teamsConvertedBefore, overall.teamsConvertedAfter)],
      ],
    },
    { title: 'By workstream', header: ['Workstream', 'Sponsor', 'Section', 'Key', 'Summary', 'Detail', 'Flagged'], rows: byWorkstream },
  ];
}

export function valueBlocks(value: ValueTrackingDto): CsvBlock[] {
  const ungated = value.ungated.length > 0 ? [['No gate', String(value.ungated.length), value.ungated.join(' ')]] : [];
  return [
    { title: 'Pipeline by gate', header: ['Gate', 'Initiatives', 'Keys'], rows: [...value.pipeline.map((g) => [g.gate, String(g.count), g.keys.join(' ')]), ...ungated] },
    { title: 'Target vs realised value by workstream', header: ['Workstream', 'Target', 'Realised', 'Realised share'], rows: value.byWorkstream.map((w) => [w.name, num(w.target), num(w.realised), pct(w.ratio)]) },
    { title: 'Value over time', header: ['Date', 'Target', 'Realised'], rows: value.overTime.map((p) => [p.date, num(p.target), num(p.realised)]) },
    {
      title: `Initiatives stuck in a gate longer than ${value.stuckThresholdDays} days`,
      header: ['Key', 'Summary', 'Gate', 'In the gate since', 'Days'],
      rows: value.stuck.map((s) => [s.key, s.summary, s.gate, s.since.slice(0, 10), num(s.days)]),
    },
  ];
}

const flowRow = (name: string, depth: string, m: FlowMeasuresDto): string[] => [
  name,
  depth,
  String(m.velocity),
  num(m.flowTimeMedianDays),
  num(m.flowTimeP85Days),
  String(m.load),
  pct(m.efficiency),
  ...FLOW_KINDS.map((kind) => String(kindCount(m, kind))),
];

export function flowBlocks(flow: FlowReportDto): CsvBlock[] {
  return [
    {
      title: `Flow of the work, ${periodText(flow.period)}`,
      header: ['Box', 'Depth', 'Velocity', 'Flow time median (days)', 'Flow time p85 (days)', 'Load', 'Efficiency', 'Features', 'Defects', 'Risks', 'Debt'],
      rows: [flowRow('All', '', flow.overall), ...flow.byBox.map((b) => flowRow(b.name, String(b.depth), b))],
    },
    { title: 'Flow by week', header: ['Week ending', 'Velocity', 'Load', 'Flow time median (days)'], rows: flow.overTime.map((w) => [w.weekEnd, String(w.velocity), String(w.load), num(w.flowTimeMedianDays)]) },
  ];
}

const forecastRow = (line: ForecastLineDto): string[] => [
  line.name,
  line.key ?? '',
  String(line.remaining),
  forecastDateText(line.p50),
  forecastDateText(line.p85),
  forecastDateText(line.p95),
  line.plannedDate ?? '',
  pct(line.probabilityByPlanned),
];

export function forecastBlocks(forecast: ForecastDto): CsvBlock[] {
  return [
    { title: 'Forecast', header: ['Method', 'Trials', 'Weeks of history'], rows: [[forecast.method, String(forecast.trials), String(forecast.sampleWeeks)]] },
    {
      title: 'When it finishes',
      header: ['Line', 'Key', 'Remaining', '50 %', '85 %', '95 %', 'Planned', 'Chance by the planned date'],
      rows: [forecastRow(forecast.teamsConverted), ...forecast.initiatives.map(forecastRow)],
    },
  ];
}

/** "report-weekly-2026-03-01-to-2026-03-07.csv" for a period; "report-value-2026-03-07.csv" (today, local) for the others. */
export function reportFileName(kind: ReportKind, now: Date, period?: ReportPeriodDto): string {
  return period ? `report-${kind}-${period.from}-to-${period.to}.csv` : `report-${kind}-${localToday(now)}.csv`;
}
