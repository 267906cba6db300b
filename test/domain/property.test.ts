import fc from 'fast-check';
import type { ProgressMethod, TransformationConfig, WorkItem } from '../../src/domain';
import { boxType, build, config, rootType, workItem } from './factories';

/**
 * Random trees in which every box uses the same unit method: boxes are issues of type 'Box' nested in
 * each other; work items hang on a box, on the root, or on an earlier work item (an epic chain).
 */
const methods: ProgressMethod[] = ['issueCount', 'storyPoints', 'originalEstimate'];

interface Shape {
  method: ProgressMethod;
  boxParents: number[]; // for box i: -1 = root, else a box index < i
  items: Array<{ parent: { box: number } | { item: number }; done: boolean; size: number | null; risk: boolean }>;
}

const shapes: fc.Arbitrary<Shape> = fc
  .record({ method: fc.constantFrom(...methods), boxCount: fc.integer({ min: 0, max: 12 }), itemCount: fc.integer({ min: 0, max: 40 }) })
  .chain(({ method, boxCount, itemCount }) =>
    fc.record({
      method: fc.constant(method),
      boxParents: fc.tuple(...Array.from({ length: boxCount }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
      items: fc.tuple(
        ...Array.from({ length: itemCount }, (_, j) =>
          fc.record({
            parent: j === 0 ? fc.record({ box: fc.integer({ min: -1, max: boxCount - 1 }) }) : fc.oneof(fc.record({ box: fc.integer({ min: -1, max: boxCount - 1 }) }), fc.record({ item: fc.integer({ min: 0, max: j - 1 }) })),
            done: fc.boolean(),
            size: fc.option(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 13, noNaN: true })), { nil: null }),
            risk: fc.boolean(),
          }),
        ),
      ),
    }),
  );

function sameMethodConfig(method: ProgressMethod): TransformationConfig {
  const base = config();
  return { ...base, boxTypes: [rootType(method), boxType('box', 'transformation', 'Box', method)], conversion: { ...base.conversion, teamBoxTypeId: 'box' } };
}

function toItems(shape: Shape): WorkItem[] {
  const concept = shape.method === 'originalEstimate' ? 'originalEstimate' : 'storyPoints';
  const boxes = shape.boxParents.map((parent, i) => workItem({ key: `BOX-${i}`, issueType: 'Box', parentKey: parent < 0 ? null : `BOX-${parent}`, fields: { conversionStage: 'Piloting' } }));
  const items = shape.items.map((item, j) =>
    workItem({
      key: `ITEM-${j}`,
      issueType: item.risk ? 'Risk' : 'Story',
      statusCategory: item.done ? 'done' : 'new',
      parentKey: 'item' in item.parent ? `ITEM-${item.parent.item}` : item.parent.box < 0 ? null : `BOX-${item.parent.box}`,
      fields: { [concept]: item.size },
    }),
  );
  return [...boxes, ...items];
}

/** The oracle: Σdone / Σtotal over the work items whose chain of parents passes through the box. */
function expectedRatio(shape: Shape, boxId: string): number {
  const inSubtree = (start: string | null): boolean => {
    for (let key = start; key !== null; ) {
      if (key === boxId) return true;
      const box = /^BOX-(\d+)$/.exec(key);
      const parent: number | undefined = box ? shape.boxParents[Number(box[1])] : undefined;
      if (box) key = parent === undefined || parent < 0 ? null : `BOX-${parent}`;
      else {
        const item = shape.items[Number(key.slice('ITEM-'.length))];
        if (item === undefined) return false;
        key = 'item' in item.parent ? `ITEM-${item.parent.item}` : item.parent.box < 0 ? null : `BOX-${item.parent.box}`;
      }
    }
    return boxId === 'root';
  };
  let done = 0;
  let total = 0;
  shape.items.forEach((item, j) => {
    if (item.risk || !inSubtree(`ITEM-${j}`)) return;
    const size = shape.method === 'issueCount' ? 1 : (item.size ?? 0);
    total += size;
    if (item.done) done += size;
  });
  return total > 0 ? done / total : 0;
}

describe('with one method everywhere, the weighted roll-up is Σdone / Σtotal over the subtree', () => {
  it('holds for every box of random trees', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const model = build(toItems(shape), sameMethodConfig(shape.method));
        expect(model.warnings).toEqual([]);
        for (const box of Object.values(model.boxes)) {
          expect(box.progress.ratio).toBeCloseTo(expectedRatio(shape, box.id), 9);
          expect(box.progress.total > 0 ? box.progress.done / box.progress.total : 0).toBeCloseTo(box.progress.ratio, 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('with mixed methods', () => {
  it('keeps every ratio between 0 and 1 and done ≤ total', () => {
    fc.assert(
      fc.property(shapes, fc.constantFrom(...methods, 'manual' as const), fc.constantFrom(...methods, 'manual' as const), fc.integer({ min: -10, max: 110 }), (shape, rootMethod, boxMethod, percent) => {
        const cfg = config({ boxTypes: [rootType(rootMethod), boxType('box', 'transformation', 'Box', boxMethod)] });
        const items = toItems(shape).map((item) => (item.issueType === 'Box' ? { ...item, fields: { manualProgress: percent } } : item));
        const model = build(items, cfg);
        for (const box of Object.values(model.boxes)) {
          expect(box.progress.ratio).toBeGreaterThanOrEqual(0);
          expect(box.progress.ratio).toBeLessThanOrEqual(1);
          expect(box.progress.done).toBeLessThanOrEqual(box.progress.total + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
