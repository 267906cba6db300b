import { DEMO_FLAWS, type FlawKind } from '../../../dev/demo/generate';
import { demoSite, indexSite } from './helpers';

const KINDS: FlawKind[] = ['missingDueDate', 'startAfterDue', 'zeroStoryPoints', 'noParent', 'noConversionStage', 'riskNoLikelihood'];

describe.each([
  [42, 1],
  [7, 1],
  [42, 0.2],
  [3, 3],
])('deliberate data flaws (seed %d, scale %d)', (seed, scale) => {
  const site = demoSite(seed, scale);
  const idx = indexSite(site);
  const get = (key: string) => {
    const issue = idx.byKey.get(key);
    if (!issue) throw new Error(`no ${key}`);
    return issue;
  };

  it('lists each kind at least once, on an issue of the listed type', () => {
    for (const kind of KINDS) expect(DEMO_FLAWS.some((f) => f.kind === kind)).toBe(true);
    const typeNames: Record<string, string> = { initiative: 'Initiative', milestone: 'Milestone', story: 'Story', team: 'Team', epic: 'Epic', risk: 'Risk' };
    for (const flaw of DEMO_FLAWS) expect(idx.typeOf(get(flaw.key))).toBe(typeNames[flaw.issueType]);
  });

  it('has each flaw on its key', () => {
    for (const flaw of DEMO_FLAWS) {
      const issue = get(flaw.key);
      switch (flaw.kind) {
        case 'missingDueDate':
          expect(issue.duedate).toBeNull();
          break;
        case 'startAfterDue': {
          const start = issue.customFields[idx.fieldId('Start date')];
          expect(typeof start === 'string' && issue.duedate !== null && start > issue.duedate).toBe(true);
          break;
        }
        case 'zeroStoryPoints':
          expect(issue.customFields[idx.fieldId('Story point estimate')]).toBe(0);
          break;
        case 'noParent':
          expect(issue.parentKey).toBeNull();
          break;
        case 'noConversionStage':
          expect(issue.customFields[idx.fieldId('Conversion stage')]).toBeUndefined();
          break;
        case 'riskNoLikelihood':
          expect(issue.customFields[idx.fieldId('Risk likelihood')]).toBeUndefined();
          expect(issue.customFields[idx.fieldId('Risk impact')]).toBeDefined();
          break;
      }
    }
  });

  it('keeps the flaws to a sprinkling', () => {
    if (scale === 1) {
      expect(DEMO_FLAWS.length / site.issues.length).toBeGreaterThan(0.005);
      expect(DEMO_FLAWS.length / site.issues.length).toBeLessThan(0.015);
    }
    const teamsWithoutStage = idx.ofType('Team').filter((t) => t.customFields[idx.fieldId('Conversion stage')] === undefined);
    expect(teamsWithoutStage.map((t) => t.key).sort()).toEqual(DEMO_FLAWS.filter((f) => f.kind === 'noConversionStage').map((f) => f.key).sort());
    const risksWithoutLikelihood = idx.ofType('Risk').filter((r) => r.customFields[idx.fieldId('Risk likelihood')] === undefined);
    expect(risksWithoutLikelihood.map((r) => r.key).sort()).toEqual(DEMO_FLAWS.filter((f) => f.kind === 'riskNoLikelihood').map((f) => f.key).sort());
    const zeroPoints = site.issues.filter((i) => i.customFields[idx.fieldId('Story point estimate')] === 0);
    expect(zeroPoints.map((i) => i.key).sort()).toEqual(DEMO_FLAWS.filter((f) => f.kind === 'zeroStoryPoints').map((f) => f.key).sort());
  });
});
