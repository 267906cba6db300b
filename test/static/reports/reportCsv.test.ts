import type { FlowReportDto, ForecastDto, ValueTrackingDto, WeeklyReportDto } from '../../../src/contract/reports';
import { blocksCsv, csvRecords, flowBlocks, forecastBlocks, reportFileName, valueBlocks, weeklyBlocks } from '../../../static/src/components/reports/reportCsv';
import { busyWeek, forecastLine, measures, quietWeek } from './fixtures';

const period = { from: '2026-03-01', to: '2026-03-07' };

describe('csvRecords', () => {
  it('writes each block as a title, a header and rows, with one blank record between blocks', () => {
    expect(csvRecords([])).toEqual([]);
    expect(csvRecords([{ title: 'A', header: ['x'], rows: [['1']] }])).toEqual([['A'], ['x'], ['1']]);
    expect(
      csvRecords([
        { title: 'A', header: ['x'], rows: [['1']] },
        { title: 'B', header: ['y', 'z'], rows: [] },
      ]),
    ).toEqual([['A'], ['x'], ['1'], [], ['B'], ['y', 'z']]);
  });
});

describe('weekly report CSV', () => {
  const { boxId: _b, name: _n, sponsor: _s, ...overall } = quietWeek();
  const report: WeeklyReportDto = {
    period,
    overall,
    workstreams: [busyWeek(), quietWeek({ boxId: 'WS-2', name: 'Workstream Beta', sponsor: null, progressBefore: 0.5, progressAfter: 0.45, teamsConvertedBefore: 2, teamsConvertedAfter: 2, teamsTotal: 4 })],
  };

  it('has the overall before, after and change in words', () => {
    const [first] = weeklyBlocks(report);
    expect(first).toEqual({
      title: 'Weekly transformation report, 2026-03-01 to 2026-03-07 (7 days)',
      header: ['Measure', 'Before', 'After', 'Change'],
      rows: [
        ['Progress', '40 %', '42.4 %', 'up 2.4 pts'],
        ['Teams converted', '3 of 12', '5 of 12', 'up 2'],
      ],
    });
  });

  it('lists each workstream, every item of every section, and the empty sections as their one line', () => {
    const [, second] = weeklyBlocks(report);
    const alpha = ['Workstream Alpha', 'Dana Sponsor'];
    const beta = ['Workstream Beta', ''];
    expect(second?.header).toEqual(['Workstream', 'Sponsor', 'Section', 'Key', 'Summary', 'Detail', 'Flagged']);
    expect(second?.rows).toEqual([
      [...alpha, 'Progress', '', '', '40 % → 42.4 % (up 2.4 pts)', ''],
      [...alpha, 'Teams converted', '', '', '3 → 5 of 12 (up 2)', ''],
      [...alpha, 'Teams converted', 'T-1', 'Team Alpha', 'Pilot → Adopted on 2026-03-04', ''],
      [...alpha, 'Teams slipped back', 'T-2', 'Team Beta', 'Adopted → no stage on 2026-03-05', ''],
      [...alpha, 'Milestones done', 'M-1', 'Go-live wave 1', 'Done 2026-03-05, due 2026-03-06', ''],
      [...alpha, 'Milestones newly late', 'M-2', 'Wave 2 ready', 'Due 2026-03-03, not done', ''],
      [...alpha, 'New risks', 'R-1', 'Vendor delay', 'Score 12 (high)', ''],
      [...alpha, 'New risks', 'R-2', 'Unclear owner', 'Not scored yet', ''],
      [...alpha, 'Risks that rose', 'R-3', 'Budget cut', 'Score 6 → 15 (critical)', ''],
      [...alpha, 'Blocked or waiting longest', 'I-1', 'Data migration', 'Blocked for 12 days', ''],
      [...alpha, 'Decisions needed', 'I-2', 'Pick the CRM', 'Needs decision for 1 day', 'flagged'],
      [...beta, 'Progress', '', '', '50 % → 45 % (down 5 pts)', ''],
      [...beta, 'Teams converted', '', '', '2 → 2 of 4 (no change)', ''],
      [...beta, 'Teams converted', '', '', 'No teams converted', ''],
      [...beta, 'Teams slipped back', '', '', 'No teams slipped back', ''],
      [...beta, 'Milestones done', '', '', 'No milestones done', ''],
      [...beta, 'Milestones newly late', '', '', 'No milestones newly late', ''],
      [...beta, 'New risks', '', '', 'No new risks', ''],
      [...beta, 'Risks that rose', '', '', 'No risks rose', ''],
      [...beta, 'Blocked or waiting longest', '', '', 'Nothing blocked or waiting', ''],
      [...beta, 'Decisions needed', '', '', 'No decisions needed', ''],
    ]);
  });
});

describe('value tracking CSV', () => {
  const value: ValueTrackingDto = {
    gates: ['L0 idea', 'L1 validated'],
    pipeline: [
      { gate: 'L0 idea', count: 2, keys: ['I-1', 'I-2'] },
      { gate: 'L1 validated', count: 0, keys: [] },
    ],
    ungated: ['I-9'],
    byWorkstream: [{ boxId: 'W1', name: 'Alpha', target: 1000, realised: 250, ratio: 0.25 }],
    overTime: [
      { date: '2026-02-28', target: 1000, realised: 100 },
      { date: '2026-03-07', target: 1000, realised: 250 },
    ],
    // 1 January to 7 March 2026: 31 + 28 + 6 = 65 days.
    stuck: [{ key: 'I-1', summary: 'Idea one', gate: 'L0 idea', since: '2026-01-01T00:00:00.000Z', days: 65 }],
    stuckThresholdDays: 30,
  };

  it('has the pipeline (with the initiatives without a gate), target vs realised, value over time and the stuck initiatives', () => {
    expect(csvRecords(valueBlocks(value))).toEqual([
      ['Pipeline by gate'],
      ['Gate', 'Initiatives', 'Keys'],
      ['L0 idea', '2', 'I-1 I-2'],
      ['L1 validated', '0', ''],
      ['No gate', '1', 'I-9'],
      [],
      ['Target vs realised value by workstream'],
      ['Workstream', 'Target', 'Realised', 'Realised share'],
      ['Alpha', '1000', '250', '25 %'],
      [],
      ['Value over time'],
      ['Date', 'Target', 'Realised'],
      ['2026-02-28', '1000', '100'],
      ['2026-03-07', '1000', '250'],
      [],
      ['Initiatives stuck in a gate longer than 30 days'],
      ['Key', 'Summary', 'Gate', 'In the gate since', 'Days'],
      ['I-1', 'Idea one', 'L0 idea', '2026-01-01', '65'],
    ]);
  });

  it('leaves the no-gate row out when every initiative has a gate', () => {
    const [pipeline] = valueBlocks({ ...value, ungated: [] });
    expect(pipeline?.rows.map((r) => r[0])).toEqual(['L0 idea', 'L1 validated']);
  });
});

describe('flow CSV', () => {
  const flow: FlowReportDto = {
    period,
    overall: measures(),
    byBox: [{ ...measures({ distribution: [], velocity: 0, flowTimeMedianDays: null, flowTimeP85Days: null, load: 2, efficiency: null }), boxId: 'B1', name: 'Alpha', depth: 1 }],
    overTime: [
      { weekEnd: '2026-02-28', velocity: 2, load: 3, flowTimeMedianDays: null },
      { weekEnd: '2026-03-07', velocity: 6, load: 7, flowTimeMedianDays: 4.5 },
    ],
  };

  it('has the whole and every box, kinds in a fixed order (a missing kind is 0), and the weeks', () => {
    expect(csvRecords(flowBlocks(flow))).toEqual([
      ['Flow of the work, 2026-03-01 to 2026-03-07 (7 days)'],
      ['Box', 'Depth', 'Velocity', 'Flow time median (days)', 'Flow time p85 (days)', 'Load', 'Efficiency', 'Features', 'Defects', 'Risks', 'Debt'],
      ['All', '', '6', '4.5', '9', '7', '35 %', '3', '1', '0', '2'],
      ['Alpha', '1', '0', '', '', '2', '', '0', '0', '0', '0'],
      [],
      ['Flow by week'],
      ['Week ending', 'Velocity', 'Load', 'Flow time median (days)'],
      ['2026-02-28', '2', '3', ''],
      ['2026-03-07', '6', '7', '4.5'],
    ]);
  });
});

describe('forecast CSV', () => {
  const forecast: ForecastDto = {
    method: 'We replay recent weeks, 10,000 times.',
    trials: 10000,
    sampleWeeks: 12,
    teamsConverted: forecastLine(),
    initiatives: [forecastLine({ key: 'I-9', name: 'CRM rollout', remaining: 4, p50: null, p85: null, p95: null, plannedDate: null, probabilityByPlanned: null })],
  };

  it('is the method, then one line for teams converted and one per initiative, null dates in words', () => {
    expect(blocksCsv(forecastBlocks(forecast))).toBe(
      [
        'Forecast',
        'Method,Trials,Weeks of history',
        '"We replay recent weeks, 10,000 times.",10000,12',
        '',
        'When it finishes',
        'Line,Key,Remaining,50 %,85 %,95 %,Planned,Chance by the planned date',
        'Teams converted,,7,2026-06-01,2026-07-13,not at the current pace,2026-06-30,62 %',
        'CRM rollout,I-9,4,not at the current pace,not at the current pace,not at the current pace,,',
        '',
      ].join('\r\n'),
    );
  });
});

describe('reportFileName', () => {
  it('names the period for the weekly and flow reports, and today (local) for the others', () => {
    expect(reportFileName('weekly', new Date(2026, 2, 9, 9), period)).toBe('report-weekly-2026-03-01-to-2026-03-07.csv');
    expect(reportFileName('value', new Date(2026, 2, 7, 23, 59))).toBe('report-value-2026-03-07.csv');
  });
});
