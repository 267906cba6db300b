import type { FlowMeasuresDto, ForecastLineDto, WorkstreamWeekDto } from '../../../src/contract/reports';

/** A workstream's week with nothing in it; tests add what they need. */
export function quietWeek(over: Partial<WorkstreamWeekDto> = {}): WorkstreamWeekDto {
  return {
    boxId: 'WS-1',
    name: 'Workstream Alpha',
    sponsor: 'Dana Sponsor',
    progressBefore: 0.4,
    progressAfter: 0.424,
    progressDeltaText: '+2.4 pts',
    teamsConvertedBefore: 3,
    teamsConvertedAfter: 5,
    teamsTotal: 12,
    converted: [],
    slipped: [],
    milestonesDone: [],
    milestonesNewlyLate: [],
    risksNew: [],
    risksRisen: [],
    blocked: [],
    decisionsNeeded: [],
    ...over,
  };
}

/** A busy week: one of everything. */
export const busyWeek = (): WorkstreamWeekDto =>
  quietWeek({
    converted: [{ key: 'T-1', summary: 'Team Alpha', fromStage: 'Pilot', toStage: 'Adopted', at: '2026-03-04T10:00:00.000Z' }],
    slipped: [{ key: 'T-2', summary: 'Team Beta', fromStage: 'Adopted', toStage: null, at: '2026-03-05T08:00:00.000Z' }],
    milestonesDone: [{ key: 'M-1', summary: 'Go-live wave 1', due: '2026-03-06', doneAt: '2026-03-05T09:00:00.000Z' }],
    milestonesNewlyLate: [{ key: 'M-2', summary: 'Wave 2 ready', due: '2026-03-03', doneAt: null }],
    risksNew: [
      { key: 'R-1', summary: 'Vendor delay', scoreBefore: null, scoreAfter: 12, band: 'high' },
      { key: 'R-2', summary: 'Unclear owner', scoreBefore: null, scoreAfter: null, band: null },
    ],
    risksRisen: [{ key: 'R-3', summary: 'Budget cut', scoreBefore: 6, scoreAfter: 15, band: 'critical' }],
    blocked: [{ key: 'I-1', summary: 'Data migration', status: 'Blocked', since: '2026-02-23T12:00:00.000Z', days: 12, flagged: false }],
    decisionsNeeded: [{ key: 'I-2', summary: 'Pick the CRM', status: 'Needs decision', since: '2026-03-06T12:00:00.000Z', days: 1, flagged: true }],
  });

export function measures(over: Partial<FlowMeasuresDto> = {}): FlowMeasuresDto {
  return {
    distribution: [
      { kind: 'feature', count: 3, ratio: 0.5 },
      { kind: 'defect', count: 1, ratio: 1 / 6 },
      { kind: 'debt', count: 2, ratio: 1 / 3 },
    ],
    velocity: 6,
    flowTimeMedianDays: 4.5,
    flowTimeP85Days: 9,
    load: 7,
    efficiency: 0.35,
    ...over,
  };
}

export function forecastLine(over: Partial<ForecastLineDto> = {}): ForecastLineDto {
  return { key: null, name: 'Teams converted', remaining: 7, p50: '2026-06-01', p85: '2026-07-13', p95: null, plannedDate: '2026-06-30', probabilityByPlanned: 0.62, ...over };
}
