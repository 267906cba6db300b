import { conversionHistory, resolveScope, teamRows } from '../../src/domain';
import type { ConversionHistoryInput } from '../../src/domain';
import { build, config } from './factories';
import { smallTransformation } from './smallTransformation';

const cfg = config();

describe('teamRows', () => {
  const model = build(smallTransformation());

  it('lists the boxes in tree order with stages, conversion and progress', () => {
    const rows = teamRows(model, cfg, resolveScope(model, null));
    expect(rows.map((row) => [row.id, row.depth, row.parentId, row.typeName, row.stage, row.converted, row.teamsConverted.percentText, row.progress.percentText])).toEqual([
      ['root', 0, null, 'Transformation', null, null, '50.0 %', '30.0 %'],
      ['DTO-1', 1, 'root', 'Workstream', null, null, '66.7 %', '33.3 %'],
      ['DTO-3', 2, 'DTO-1', 'Initiative', null, null, '50.0 %', '28.6 %'],
      ['PAY-1', 3, 'DTO-3', 'Team', 'Converted', true, '100.0 %', '35.7 %'],
      ['PAY-2', 3, 'DTO-3', 'Team', 'Piloting', false, '0.0 %', '–'],
      ['DTO-4', 2, 'DTO-1', 'Initiative', null, null, '100.0 %', '50.0 %'],
      ['CRM-1', 3, 'DTO-4', 'Team', 'Sustaining', true, '100.0 %', '80.0 %'],
      ['DTO-2', 1, 'root', 'Workstream', null, null, '0.0 %', '0.0 %'],
      ['DTO-5', 2, 'DTO-2', 'Initiative', null, null, '0.0 %', '0.0 %'],
      ['OPS-1', 3, 'DTO-5', 'Team', 'Not started', false, '0.0 %', '–'],
    ]);
    expect(rows[0]).toMatchObject({ key: null, name: 'Digital Transformation', teamsConverted: { converted: 2, total: 4, ratio: 0.5 } });
    expect(rows[3]).toMatchObject({ key: 'PAY-1', name: 'Payments A', progress: { method: 'storyPoints', ratio: 5 / 14 } });
  });

  it('starts a project\'s rows at its own boxes, without the foreign boxes around them', () => {
    const rows = teamRows(model, cfg, resolveScope(model, 'PAY'));
    expect(rows.map((row) => [row.id, row.depth, row.parentId])).toEqual([
      ['PAY-1', 0, null],
      ['PAY-2', 0, null],
    ]);
  });

  it('is empty for an empty scope', () => {
    expect(teamRows(model, cfg, resolveScope(model, 'NOPE'))).toEqual([]);
  });
});

describe('conversionHistory', () => {
  const stages = ['Not started', 'Preparing', 'Piloting', 'Converted', 'Sustaining'];
  const base = { stages, targetStage: 'Converted', from: '2026-01-04', to: '2026-02-03' };

  it('counts, at each week end and at the last day, the teams that exist and are at the target stage or past it', () => {
    const input: ConversionHistoryInput = {
      ...base,
      teams: [
        { key: 'T1', created: '2025-12-01T09:00:00.000+0000', currentStage: 'Converted' },
        { key: 'T2', created: '2026-01-15', currentStage: ' converted ' }, // created after two week ends; no changes
        { key: 'T3', created: null, currentStage: 'Sustaining' }, // slips back a stage and recovers
        { key: 'T4', created: '2026-02-02T08:00:00.000+0000', currentStage: 'Not started' },
      ],
      stageChanges: [
        { teamKey: 'T1', at: '2026-01-05T10:00:00.000+0000', fromStage: 'Piloting', toStage: 'Converted' },
        { teamKey: 'T3', at: '2026-01-10T10:00:00.000+0000', fromStage: 'Piloting', toStage: 'Converted' },
        { teamKey: 'T3', at: '2026-01-12T10:00:00.000+0000', fromStage: 'Converted', toStage: 'Piloting' },
        { teamKey: 'T3', at: '2026-01-25T09:00:00.000+0000', fromStage: 'Piloting', toStage: 'Sustaining' }, // on a week end
      ],
    };
    // 01-04: T1 (Piloting until 01-05), T3 (Piloting before its first change) → 0 of 2
    // 01-11: T1 Converted, T3 Converted (01-10)                              → 2 of 2
    // 01-18: + T2 (created 01-15, Converted); T3 back to Piloting (01-12)    → 2 of 3
    // 01-25: T3 Sustaining on the day itself                                  → 3 of 3
    // 02-01: unchanged                                                        → 3 of 3
    // 02-03 (to, not a week end): + T4 (created 02-02, Not started)           → 3 of 4
    expect(conversionHistory(input)).toEqual([
      { date: '2026-01-04', converted: 0, total: 2, ratio: 0 },
      { date: '2026-01-11', converted: 2, total: 2, ratio: 1 },
      { date: '2026-01-18', converted: 2, total: 3, ratio: 2 / 3 },
      { date: '2026-01-25', converted: 3, total: 3, ratio: 1 },
      { date: '2026-02-01', converted: 3, total: 3, ratio: 1 },
      { date: '2026-02-03', converted: 3, total: 4, ratio: 0.75 },
    ]);
  });

  it('counts a team created, or a change made, late on a week end\'s day in that week end', () => {
    const points = conversionHistory({
      ...base,
      from: '2026-01-04',
      to: '2026-01-18',
      teams: [{ key: 'T1', created: '2026-01-11T23:59:59.000+0000', currentStage: 'Converted' }],
      stageChanges: [{ teamKey: 'T1', at: '2026-01-18T23:59:59.999+0000', fromStage: 'Piloting', toStage: 'Converted' }],
    });
    expect(points).toEqual([
      { date: '2026-01-04', converted: 0, total: 0, ratio: 0 },
      { date: '2026-01-11', converted: 0, total: 1, ratio: 0 },
      { date: '2026-01-18', converted: 1, total: 1, ratio: 1 },
    ]);
  });

  it('takes the last of several changes on one day, whatever order they were given in', () => {
    const points = conversionHistory({
      ...base,
      from: '2026-01-04',
      to: '2026-01-04',
      teams: [{ key: 'T1', created: null, currentStage: 'Piloting' }],
      stageChanges: [
        { teamKey: 'T1', at: '2026-01-04T15:00:00.000+0000', fromStage: 'Converted', toStage: 'Piloting' },
        { teamKey: 'T1', at: '2026-01-04T09:00:00.000+0000', fromStage: 'Preparing', toStage: 'Converted' },
      ],
    });
    expect(points).toEqual([{ date: '2026-01-04', converted: 0, total: 1, ratio: 0 }]);
  });

  it('uses the current stage of a team with no changes, and counts an unknown stage as not converted', () => {
    const points = conversionHistory({
      ...base,
      from: '2026-01-04',
      to: '2026-01-04',
      teams: [
        { key: 'T1', created: null, currentStage: 'SUSTAINING' },
        { key: 'T2', created: null, currentStage: 'Done-ish' },
        { key: 'T3', created: null, currentStage: null },
      ],
      stageChanges: [{ teamKey: 'GHOST', at: '2026-01-01', fromStage: null, toStage: 'Converted' }],
    });
    expect(points).toEqual([{ date: '2026-01-04', converted: 1, total: 3, ratio: 1 / 3 }]);
  });

  it('does not add `to` twice when it is a week end, and has no points when from is after to', () => {
    expect(conversionHistory({ ...base, from: '2026-01-04', to: '2026-01-18', teams: [], stageChanges: [] }).map((p) => p.date)).toEqual(['2026-01-04', '2026-01-11', '2026-01-18']);
    expect(conversionHistory({ ...base, from: '2026-02-27', to: '2026-03-06', teams: [], stageChanges: [] }).map((p) => p.date)).toEqual(['2026-02-27', '2026-03-06']);
    expect(conversionHistory({ ...base, from: '2026-01-05', to: '2026-01-04', teams: [], stageChanges: [] })).toEqual([]);
    expect(conversionHistory({ ...base, from: 'soon', to: '2026-01-04', teams: [], stageChanges: [] })).toEqual([]);
  });

  it('counts nobody as converted when the target is not a stage', () => {
    const points = conversionHistory({ ...base, targetStage: 'Nirvana', from: '2026-01-04', to: '2026-01-04', teams: [{ key: 'T1', created: null, currentStage: 'Sustaining' }], stageChanges: [] });
    expect(points).toEqual([{ date: '2026-01-04', converted: 0, total: 1, ratio: 0 }]);
  });

  it('crosses month and leap-year ends', () => {
    expect(conversionHistory({ ...base, from: '2028-02-22', to: '2028-03-08', teams: [], stageChanges: [] }).map((p) => p.date)).toEqual(['2028-02-22', '2028-02-29', '2028-03-07', '2028-03-08']);
  });
});
