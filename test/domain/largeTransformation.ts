import type { WorkItem } from '../../src/domain';
import { epic, initiative, milestone, riskItem, story, team, workstream } from './factories';

/**
 * About `size` issues: 4 workstreams × 10 initiatives × 25 teams, each team with epics of stories, plus
 * risks and milestones on the initiatives and blocks links between neighbouring stories. Deterministic.
 */
export function largeTransformation(size: number): WorkItem[] {
  const items: WorkItem[] = [];
  const teams: string[] = [];
  for (let w = 0; w < 4; w += 1) {
    items.push(workstream(`WS-${w}`));
    for (let i = 0; i < 10; i += 1) {
      const ini = `INI-${w * 10 + i}`;
      items.push(initiative(ini, `WS-${w}`, { fields: { startDate: '2026-01-01', dueDate: `2026-0${1 + ((w + i) % 9)}-15` } }));
      items.push(riskItem(`RSK-${w * 10 + i}`, ini, { riskLikelihood: 1 + (i % 5), riskImpact: 1 + (w % 5) }));
      items.push(milestone(`MS-${w * 10 + i}`, ini, `2026-0${1 + (i % 9)}-01`));
      for (let t = 0; t < 25; t += 1) {
        const key = `T${w * 250 + i * 25 + t}-1`;
        teams.push(key);
        items.push(team(key, ini, ['Not started', 'Piloting', 'Converted'][t % 3] ?? null));
      }
    }
  }
  const perTeam = Math.max(1, Math.floor((size - items.length) / teams.length));
  let n = 0;
  for (const teamKey of teams) {
    const project = teamKey.split('-')[0] as string;
    let epicKey = '';
    for (let k = 0; k < perTeam; k += 1) {
      n += 1;
      if (k % 10 === 0) {
        epicKey = `${project}-${k + 2}`;
        items.push(epic(epicKey, teamKey, { fields: { startDate: '2026-02-01', dueDate: '2026-05-01' } }));
        continue;
      }
      const done = n % 3 === 0;
      items.push(
        story(`${project}-${k + 2}`, epicKey, n % 8, {
          summary: `Story ${n} about ${['payments', 'onboarding', 'reporting', 'search'][n % 4]}`,
          status: done ? 'Done' : 'To Do',
          statusCategory: done ? 'done' : 'new',
          assignee: n % 5 === 0 ? null : `Person ${n % 37}`,
          labels: n % 7 === 0 ? ['mobile'] : [],
          fields: { storyPoints: n % 8, dueDate: n % 2 === 0 ? `2026-0${1 + (n % 9)}-1${n % 10}` : null },
          blocks: n % 50 === 0 ? [`${project}-${k + 3}`] : [],
        }),
      );
    }
  }
  return items;
}
