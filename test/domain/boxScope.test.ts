import { backlogPage, boxSchedule, boxScope, breadcrumbs, resolveScope, riskMatrix, roadmap, scheduleBoxes, scheduleCounts, scopeSummary, teamRows } from '../../src/domain';
import type { ScheduleCounts, TransformationModel } from '../../src/domain';
import { progressSummary, teamsConvertedSummary } from '../../src/domain/views';
import { build, config } from './factories';
import { largeTransformation } from './largeTransformation';
import { smallTransformation, TODAY } from './smallTransformation';

const cfg = config();

/** The oracle for "in the box's subtree": walk each box's parent links up, not down the child lists. */
function underBox(model: TransformationModel, topId: string): Set<string> {
  const ids = new Set<string>();
  for (const box of Object.values(model.boxes)) {
    for (let id: string | null = box.id; id !== null; id = model.boxes[id]?.parentId ?? null) {
      if (id === topId) {
        ids.add(box.id);
        break;
      }
    }
  }
  return ids;
}

function itemsUnder(model: TransformationModel, boxIds: Set<string>): Set<string> {
  return new Set([...boxIds].flatMap((id) => model.boxes[id]?.itemKeys ?? []));
}

/** Every figure of a box's page, checked against the box's own roll-up and against walks of the model. */
function expectSubtreeFigures(model: TransformationModel, boxId: string): void {
  const box = model.boxes[boxId];
  if (box === undefined) throw new Error(`no box ${boxId}`);
  const scope = boxScope(model, resolveScope(model, null), boxId);
  if (scope === null) throw new Error(`${boxId} opens on the global page`);
  const boxes = underBox(model, boxId);
  const items = itemsUnder(model, boxes);
  expect(scope.rootIds).toEqual([boxId]);
  expect(new Set(scope.boxIds)).toEqual(boxes);
  expect(new Set(scope.itemKeys)).toEqual(items);
  expect(scope.name).toBe(box.name);

  const summary = scopeSummary(model, scope);
  expect(summary.progress).toEqual(progressSummary(box.progress));
  expect(summary.teamsConverted).toEqual(teamsConvertedSummary(box.teamsConverted));

  const counts: ScheduleCounts = { late: 0, onTrack: 0, done: 0, unscheduled: 0 };
  for (const id of boxes) {
    const inner = model.boxes[id];
    if (inner !== undefined && id !== model.rootId && model.items[id] !== undefined) counts[boxSchedule(model, inner, TODAY)] += 1;
  }
  expect(scheduleCounts(model, scope, TODAY)).toEqual(counts);
  expect(scheduleBoxes(model, scope).every((b) => boxes.has(b.id))).toBe(true);

  const risks = riskMatrix(model, cfg, scope).risks;
  expect(risks.every((risk) => items.has(risk.key) && !risk.onBoxAbove)).toBe(true);
  expect(risks.length).toBe([...items].filter((key) => model.items[key]?.issueType === 'Risk').length);

  const rows = roadmap(model, cfg, scope, TODAY).rows;
  expect(rows[0]?.id).toBe(boxId);
  expect(rows.filter((row) => row.kind === 'box').every((row) => boxes.has(row.id))).toBe(true);
  expect(rows.filter((row) => row.kind === 'box')).toHaveLength(boxes.size);

  expect(backlogPage(model, cfg, scope, { pageSize: 200 }, TODAY).total).toBe(items.size);
  expect(teamRows(model, cfg, scope).map((row) => row.id).sort()).toEqual([...boxes].sort());
}

describe('a box\'s page is its subtree', () => {
  const small = build(smallTransformation());

  it.each(Object.keys(small.boxes))('%s: every figure is the box\'s own roll-up', (boxId) => {
    expectSubtreeFigures(small, boxId);
  });

  it('DTO-3 by hand: 2 of 7 issues, 1 of 2 teams, its own risk DTO-9 and none from above', () => {
    const scope = boxScope(small, resolveScope(small, null), 'DTO-3');
    if (scope === null) throw new Error('DTO-3 is on the page');
    expect([...scope.boxIds]).toEqual(['DTO-3', 'PAY-1', 'PAY-2']);
    expect(scopeSummary(small, scope).progress.basis).toBe('2 of 7 work items done, counted by issue');
    expect(scopeSummary(small, scope).teamsConverted).toMatchObject({ converted: 1, total: 2 });
    expect(riskMatrix(small, cfg, scope).risks.map((r) => r.key)).toEqual(['DTO-9']);
    // The project page of PAY shows DTO-9 and DTO-8 as risks from above; its team PAY-1's page does not.
    const team = boxScope(small, resolveScope(small, 'PAY'), 'PAY-1');
    expect(team === null ? null : riskMatrix(small, cfg, team).risks).toEqual([]);
    expect(riskMatrix(small, cfg, resolveScope(small, 'PAY')).risks.map((r) => r.key).sort()).toEqual(['DTO-8', 'DTO-9']);
  });

  it('the root box is the whole transformation\'s figures', () => {
    const whole = resolveScope(small, null);
    const root = boxScope(small, whole, 'root');
    expect(root === null ? null : scopeSummary(small, root)).toEqual(scopeSummary(small, whole));
  });

  it('a project page opens only the boxes of its scope; a box that does not exist (or is hidden) opens nowhere', () => {
    const pay = resolveScope(small, 'PAY');
    expect(boxScope(small, pay, 'PAY-2')?.rootIds).toEqual(['PAY-2']);
    expect(boxScope(small, pay, 'DTO-3')).toBeNull();
    expect(boxScope(small, pay, 'root')).toBeNull();
    expect(boxScope(small, resolveScope(small, null), 'NOPE-1')).toBeNull();
    expect(boxScope(small, resolveScope(small, null), '__proto__')).toBeNull();
    // A model built without DTO-3 (the viewer may not browse it) has no such box to open.
    const hidden = build(smallTransformation().filter((item) => item.key !== 'DTO-3'));
    expect(boxScope(hidden, resolveScope(hidden, null), 'DTO-3')).toBeNull();
  });

  it('a large transformation: every workstream, initiative and a sample of teams', () => {
    const large = build(largeTransformation(4000));
    const ids = Object.values(large.boxes).filter((box, index) => box.typeId !== 'team' || index % 37 === 0).map((box) => box.id);
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) expectSubtreeFigures(large, id);
  });
});

describe('breadcrumbs', () => {
  const small = build(smallTransformation());

  it('run from the transformation down to the box', () => {
    expect(breadcrumbs(small, resolveScope(small, null), 'PAY-1')).toEqual([
      { id: 'root', name: 'Digital Transformation', typeId: 'transformation', openable: true },
      { id: 'DTO-1', name: 'Customer journeys', typeId: 'workstream', openable: true },
      { id: 'DTO-3', name: 'Online checkout', typeId: 'initiative', openable: true },
      { id: 'PAY-1', name: 'Payments A', typeId: 'team', openable: true },
    ]);
  });

  it('on a project page, the boxes above the project\'s own cannot be opened', () => {
    expect(breadcrumbs(small, resolveScope(small, 'PAY'), 'PAY-1').map((crumb) => [crumb.id, crumb.openable])).toEqual([
      ['root', false],
      ['DTO-1', false],
      ['DTO-3', false],
      ['PAY-1', true],
    ]);
  });

  it('is empty for a box that does not exist', () => {
    expect(breadcrumbs(small, resolveScope(small, null), 'NOPE-1')).toEqual([]);
  });
});
