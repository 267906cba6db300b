import fc from 'fast-check';
import type { WorkItem } from '../../src/domain';
import { initiative, riskItem, story, team, workstream } from './factories';

/** Random transformations of the default box types: workstreams, initiatives under them, teams under those, and work anywhere. */
export const transformations: fc.Arbitrary<WorkItem[]> = fc
  .record({ workstreams: fc.integer({ min: 1, max: 3 }), initiatives: fc.integer({ min: 0, max: 6 }), teams: fc.integer({ min: 0, max: 8 }), items: fc.integer({ min: 0, max: 30 }) })
  .chain(({ workstreams, initiatives, teams, items }) =>
    fc.record({
      initiativeParents: fc.array(fc.integer({ min: 0, max: workstreams - 1 }), { minLength: initiatives, maxLength: initiatives }),
      teamParents: fc.array(fc.integer({ min: 0, max: Math.max(0, initiatives - 1) }), { minLength: initiatives === 0 ? 0 : teams, maxLength: initiatives === 0 ? 0 : teams }),
      teamStages: fc.array(fc.constantFrom('Not started', 'Piloting', 'Converted', 'Sustaining', null), { minLength: teams, maxLength: teams }),
      work: fc.array(
        fc.record({
          parent: fc.integer({ min: 0, max: workstreams + initiatives + teams - 1 }),
          done: fc.boolean(),
          points: fc.option(fc.integer({ min: 0, max: 13 }), { nil: null }),
          due: fc.option(fc.constantFrom('2026-01-15', '2026-03-09', '2026-03-10', '2026-06-30'), { nil: null }),
          risk: fc.option(fc.record({ likelihood: fc.integer({ min: 1, max: 5 }), impact: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }), { nil: null }),
        }),
        { minLength: items, maxLength: items },
      ),
      workstreams: fc.constant(workstreams),
    }),
  )
  .map(({ initiativeParents, teamParents, teamStages, work, workstreams }) => {
    const boxes: WorkItem[] = [];
    for (let w = 0; w < workstreams; w += 1) boxes.push(workstream(`WS-${w + 1}`));
    initiativeParents.forEach((p, i) => boxes.push(initiative(`IN-${i + 1}`, `WS-${p + 1}`)));
    teamParents.forEach((p, t) => boxes.push(team(`TM-${t + 1}`, `IN-${p + 1}`, teamStages[t] ?? null)));
    const items = work.map((w, n): WorkItem => {
      const parentKey = boxes[w.parent % boxes.length]?.key ?? null;
      const key = `WK-${n + 1}`;
      const status = w.done ? { status: 'Done', statusCategory: 'done' as const } : {};
      if (w.risk !== null) return riskItem(key, parentKey, { riskLikelihood: w.risk.likelihood, riskImpact: w.risk.impact }, status);
      return story(key, parentKey, w.points, { ...status, fields: { storyPoints: w.points, dueDate: w.due } });
    });
    return [...boxes, ...items];
  });

