import fc from 'fast-check';
import { buildTransformationModel } from '../../src/domain';
import type { RawFieldValue, StatusCategory, TransformationModel, WorkItem } from '../../src/domain';
import { build, config, NOW, workItem } from './factories';

const strangeText = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '🚀🔥', 'مرحلة التحويل', '‮reversed‬', 'NaN', 'Infinity', '-0', '1e400', '2026-02-30', 'Converted', 'Possible', '__proto__', 'constructor', 'root', 'null'),
);
const rawValue: fc.Arbitrary<RawFieldValue | undefined> = fc.oneof(
  strangeText,
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(strangeText, { maxLength: 3 }),
);
const keys = fc.constantFrom('A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', '__proto__', 'constructor', 'root', '', 'toString');

const item: fc.Arbitrary<WorkItem> = fc
  .record({
    key: keys,
    issueType: fc.oneof(fc.constantFrom('Workstream', 'Initiative', 'Team', 'Story', 'Risk', 'Milestone'), strangeText),
    status: strangeText,
    statusCategory: fc.constantFrom<StatusCategory | null>('new', 'indeterminate', 'done', null, 'Done' as StatusCategory, undefined as unknown as StatusCategory),
    parentKey: fc.option(keys, { nil: null }),
    startDate: rawValue,
    dueDate: rawValue,
    storyPoints: rawValue,
    originalEstimate: rawValue,
    conversionStage: rawValue,
    manualProgress: rawValue,
    summary: strangeText,
  })
  .map(({ startDate, dueDate, storyPoints, originalEstimate, conversionStage, manualProgress, ...rest }) =>
    workItem({ ...rest, fields: { startDate, dueDate, storyPoints, originalEstimate, conversionStage, manualProgress } as WorkItem['fields'] }),
  );

function expectSound(model: TransformationModel): void {
  expect(model.boxes.root?.parentId).toBeNull();
  const boxIds = Object.keys(model.boxes);
  // Every box is reachable from the root exactly once, and every item sits in exactly one box.
  const seen = new Set<string>();
  const stack = ['root'];
  const placed: string[] = [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    const box = model.boxes[id];
    expect(box).toBeDefined();
    if (box === undefined) continue;
    placed.push(...box.itemKeys);
    for (const child of box.childIds) {
      expect(model.boxes[child]?.parentId).toBe(id);
      stack.push(child);
    }
    for (const ratio of [box.progress.ratio, box.teamsConverted.ratio]) {
      expect(Number.isFinite(ratio)).toBe(true);
      expect(ratio).toBeGreaterThanOrEqual(0);
      expect(ratio).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(box.progress.done) && Number.isFinite(box.progress.total)).toBe(true);
  }
  expect(seen.size).toBe(boxIds.length);
  expect(new Set(placed).size).toBe(placed.length);
  // Every issue is either one box or one placed work item; project boxes and the root have no issue.
  const issueBoxes = boxIds.filter((id) => Object.prototype.hasOwnProperty.call(model.items, id));
  expect(placed.filter((key) => issueBoxes.includes(key))).toEqual([]);
  expect(placed.length + issueBoxes.length).toBe(Object.keys(model.items).length);
  for (const warning of model.warnings) expect(typeof warning.message).toBe('string');
}

describe('the model always builds', () => {
  it('from any mix of strange values, duplicate keys and parent links', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), (items) => {
        const model = buildTransformationModel(items, config(), { now: NOW });
        expectSound(model);
        expect(Object.getPrototypeOf(model.boxes)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it('from any graph of box types, however broken', () => {
    const typeIds = ['transformation', 'workstream', 'initiative', 'team', 'ghost'];
    const boxTypes = fc.array(
      fc.record({
        id: fc.constantFrom(...typeIds),
        parentTypeId: fc.option(fc.constantFrom(...typeIds), { nil: null }),
        root: fc.boolean(),
        issueType: fc.constantFrom('Workstream', 'Initiative', 'Team', 'Story', ''),
        progressMethod: fc.constantFrom('issueCount', 'storyPoints', 'originalEstimate', 'manual', 'bogus'),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(boxTypes, fc.array(item, { maxLength: 15 }), (types, items) => {
        const cfg = config({
          boxTypes: types.map((type) => ({
            id: type.id,
            name: type.id,
            parentTypeId: type.parentTypeId,
            source: type.root ? { kind: 'root' as const } : { kind: 'issueType' as const, issueType: type.issueType },
            progressMethod: type.progressMethod as never,
            toolset: [],
          })),
        });
        const model = buildTransformationModel(items, cfg, { now: NOW });
        expectSound(model);
        expect(model.warnings.filter((w) => w.code === 'invalidConfig').every((w) => w.issueKey === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('from any graph of box types of every source kind, with any JQL matches and project names', () => {
    const typeIds = ['transformation', 'workstream', 'initiative', 'team', 'constructor'];
    const source = fc.oneof(
      fc.constant({ kind: 'root' as const }),
      fc.constantFrom('Workstream', 'Initiative', 'Team', 'Story', '').map((issueType) => ({ kind: 'issueType' as const, issueType })),
      fc.option(fc.array(fc.constantFrom('Team', 'story', 'Risk', 'Milestone', ''), { maxLength: 3 }), { nil: undefined }).map((issueTypes) =>
        issueTypes === undefined ? { kind: 'parentLink' as const } : { kind: 'parentLink' as const, issueTypes },
      ),
      fc.constant({ kind: 'jql' as const, jql: 'labels = x' }),
      fc.option(fc.array(fc.constantFrom('A', 'a', 'constructor', 'GONE'), { maxLength: 2 }), { nil: undefined }).map((projectKeys) =>
        projectKeys === undefined ? { kind: 'project' as const } : { kind: 'project' as const, projectKeys },
      ),
    );
    const boxTypes = fc.array(
      fc.record({ id: fc.constantFrom(...typeIds), parentTypeId: fc.option(fc.constantFrom(...typeIds), { nil: null }), source, progressMethod: fc.constantFrom('issueCount', 'storyPoints', 'manual') }),
      { maxLength: 6 },
    );
    const jqlMatches = fc.option(fc.dictionary(fc.constantFrom(...typeIds), fc.array(keys, { maxLength: 4 })), { nil: undefined });
    const projectNames = fc.option(fc.dictionary(fc.constantFrom('A', 'constructor', '__proto__', 'toString'), strangeText), { nil: undefined });
    fc.assert(
      fc.property(boxTypes, fc.array(item, { maxLength: 15 }), jqlMatches, projectNames, (types, items, matches, names) => {
        const cfg = config({ boxTypes: types.map((type) => ({ ...type, name: type.id, progressMethod: type.progressMethod as never, toolset: [] })) });
        const model = buildTransformationModel(items, cfg, { now: NOW, jqlMatches: matches, projectNames: names });
        expectSound(model);
        for (const box of Object.values(model.boxes)) expect(typeof box.name).toBe('string');
        expect(model.warnings.filter((w) => w.code === 'invalidConfig').every((w) => w.issueKey === null)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps an issue with the key "__proto__" as an ordinary entry', () => {
    const model = build([workItem({ key: '__proto__', issueType: 'Workstream' }), workItem({ key: 'X-1', parentKey: '__proto__' })]);
    expect(Object.keys(model.boxes)).toEqual(['root', '__proto__']);
    expect(Object.prototype.hasOwnProperty.call(model.items, '__proto__')).toBe(true);
    expect(model.boxes['__proto__']?.itemKeys).toEqual(['X-1']);
  });

  it('survives fields that are missing altogether and values of the wrong type', () => {
    const odd = { ...workItem({ key: 'ODD-1' }), fields: undefined, summary: null, status: undefined, statusCategory: undefined } as unknown as WorkItem;
    const model = build([odd]);
    expect(model.boxes.root?.itemKeys).toEqual(['ODD-1']);
    expect(model.warnings.map((w) => w.code)).toEqual(['unknownStatusCategory']);
  });
});
