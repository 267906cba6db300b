import { DEFAULT_CONFIG } from '../../../src/domain/defaultConfig';
import { DEMO_FLAWS } from '../../../dev/demo/generate';
import { ANCHOR, ANCHOR_MS, DAY_MS, demoSite, indexSite, optionOf, WORK_TYPES } from './helpers';

const site = demoSite();
const idx = indexSite(site);
const JIRA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const ms = (t: string) => Date.parse(t);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const flawKeys = (kind: string) => new Set(DEMO_FLAWS.filter((f) => f.kind === kind).map((f) => f.key));
const stages = DEFAULT_CONFIG.conversion.stages;
const converted = (stage: string | undefined) => stage !== undefined && stages.indexOf(stage) >= stages.indexOf(DEFAULT_CONFIG.conversion.targetStage);

describe('demo site timeline', () => {
  it('writes timestamps in Jira format, all in the past and within ~13 months', () => {
    const now = ms(site.generatedAt);
    for (const i of site.issues) {
      for (const t of [i.created, i.updated, ...(i.resolutiondate ? [i.resolutiondate] : []), ...i.changelog.map((e) => e.created)]) {
        expect(t).toMatch(JIRA_TIME);
        expect(ms(t)).toBeLessThanOrEqual(now);
        expect(ms(t)).toBeGreaterThan(ANCHOR_MS - 400 * DAY_MS);
      }
    }
  });

  it('spans about 12 months back and 6 ahead', () => {
    const due = site.issues.map((i) => i.duedate).filter((d) => d !== null).map(dayMs);
    expect(Math.min(...due)).toBeLessThan(ANCHOR_MS - 300 * DAY_MS);
    expect(Math.max(...due)).toBeGreaterThan(ANCHOR_MS + 150 * DAY_MS);
    expect(Math.max(...due)).toBeLessThan(ANCHOR_MS + 220 * DAY_MS);
  });

  it('sets the resolution date iff the status is done', () => {
    for (const i of site.issues) {
      expect(i.resolutiondate !== null).toBe(idx.categoryOf(i) === 'done');
      if (i.resolutiondate) expect(ms(i.resolutiondate)).toBeGreaterThanOrEqual(ms(i.created));
    }
  });

  it('keeps changelogs in order, after creation, up to the update time', () => {
    for (const i of site.issues) {
      let previous = ms(i.created);
      for (const e of i.changelog) {
        expect(ms(e.created)).toBeGreaterThanOrEqual(previous);
        expect(e.items.length).toBeGreaterThan(0);
        previous = ms(e.created);
      }
      expect(ms(i.updated)).toBeGreaterThanOrEqual(previous);
    }
  });

  it('chains status transitions from a new status to the current one', () => {
    const statusById = new Map(site.statuses.map((s) => [s.id, s] as const));
    for (const i of site.issues) {
      const moves = i.changelog.flatMap((e) => e.items.filter((it) => it.field === 'status').map((it) => ({ ...it, at: e.created })));
      if (moves.length === 0) {
        expect(idx.categoryOf(i)).toBe('new');
        continue;
      }
      expect(statusById.get(moves[0]?.from ?? '')?.categoryKey).toBe('new');
      for (let k = 1; k < moves.length; k++) expect(moves[k]?.from).toBe(moves[k - 1]?.to);
      const last = moves[moves.length - 1];
      expect(last?.to).toBe(i.statusId);
      expect(last?.toString).toBe(idx.statusName(i));
      for (const m of moves) expect(m.fromString).toBe(statusById.get(m.from ?? '')?.name);
      if (i.resolutiondate) {
        const intoDone = moves.filter((m) => statusById.get(m.to ?? '')?.categoryKey === 'done' && statusById.get(m.from ?? '')?.categoryKey !== 'done');
        expect(intoDone[intoDone.length - 1]?.at).toBe(i.resolutiondate);
      }
    }
  });

  it('starts before it is due, except the deliberate flaws', () => {
    const start = idx.fieldId('Start date');
    const bad = site.issues.filter((i) => {
      const s = i.customFields[start];
      return typeof s === 'string' && i.duedate !== null && s > i.duedate;
    });
    expect(bad.map((i) => i.key).sort()).toEqual([...flawKeys('startAfterDue')].sort());
  });

  it('has work items whose status fits their dates', () => {
    const work = site.issues.filter((i) => WORK_TYPES.includes(idx.typeOf(i)));
    const past = work.filter((i) => i.duedate !== null && dayMs(i.duedate) < ANCHOR_MS - 7 * DAY_MS);
    const future = work.filter((i) => {
      const s = i.customFields[idx.fieldId('Start date')];
      return typeof s === 'string' && dayMs(s) > ANCHOR_MS;
    });
    const share = (list: typeof work, cat: string) => list.filter((i) => idx.categoryOf(i) === cat).length / list.length;
    expect(past.length).toBeGreaterThan(500);
    expect(share(past, 'done')).toBeGreaterThan(0.85);
    expect(share(past, 'done')).toBeLessThan(1);
    expect(future.length).toBeGreaterThan(100);
    expect(share(future, 'new')).toBeGreaterThan(0.9);
    const statusNames = new Set(work.map((i) => idx.statusName(i)));
    for (const name of ['To Do', 'Backlog', 'In Progress', 'In Review', 'Blocked', 'Done', 'Closed']) expect(statusNames).toContain(name);
  });

  it('closes epics only when their children are done', () => {
    for (const epic of idx.ofType('Epic')) {
      if (idx.categoryOf(epic) !== 'done') continue;
      for (const child of site.issues.filter((i) => i.parentKey === epic.key)) expect(idx.categoryOf(child)).toBe('done');
    }
  });
});

describe('demo site conversion', () => {
  const stageField = idx.fieldId('Conversion stage');
  const teams = idx.ofType('Team');
  const stageOf = (t: (typeof teams)[number]) => optionOf(t, stageField);

  it('has some teams converted, some piloting, some not started', () => {
    const convertedShare = teams.filter((t) => converted(stageOf(t))).length / teams.length;
    expect(convertedShare).toBeGreaterThanOrEqual(0.35);
    expect(convertedShare).toBeLessThanOrEqual(0.45);
    const counts = new Map<string, number>();
    for (const t of teams) counts.set(stageOf(t) ?? '(none)', (counts.get(stageOf(t) ?? '(none)') ?? 0) + 1);
    for (const stage of stages) expect(counts.get(stage) ?? 0).toBeGreaterThan(0);
    expect(counts.get('(none)')).toBe(flawKeys('noConversionStage').size);
  });

  it('has a few late teams: due before the anchor and not done', () => {
    const late = teams.filter((t) => t.duedate !== null && t.duedate < ANCHOR && idx.categoryOf(t) !== 'done');
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.length).toBeLessThanOrEqual(8);
  });

  it('marks a team done exactly when it is converted', () => {
    for (const t of teams) {
      const stage = stageOf(t);
      if (stage === undefined) continue;
      expect(idx.categoryOf(t) === 'done').toBe(converted(stage));
      expect(idx.categoryOf(t) === 'new').toBe(stage === stages[0]);
    }
  });

  it('records stage changes ending in the current stage, with some teams slipping back', () => {
    let slips = 0;
    for (const t of teams) {
      const moves = t.changelog.flatMap((e) => e.items.filter((it) => it.fieldId === stageField));
      const current = stageOf(t);
      if (moves.length === 0) {
        expect(current === undefined || current === stages[0]).toBe(true);
        continue;
      }
      expect(moves[moves.length - 1]?.toString).toBe(current);
      for (let k = 1; k < moves.length; k++) expect(moves[k]?.fromString).toBe(moves[k - 1]?.toString);
      if (moves.some((m) => stages.indexOf(m.toString ?? '') < stages.indexOf(m.fromString ?? ''))) slips++;
    }
    expect(slips).toBeGreaterThanOrEqual(2);
  });

  it('has initiatives in progress and few not started', () => {
    const names = idx.ofType('Initiative').map((i) => idx.categoryOf(i));
    expect(names).toContain('indeterminate');
    expect(names.filter((c) => c === 'new').length).toBeLessThan(6);
  });
});

describe('demo site risks and milestones', () => {
  const risks = idx.ofType('Risk');
  const likelihood = idx.fieldId('Risk likelihood');
  const impact = idx.fieldId('Risk impact');

  it('rates risks by likelihood and impact across the matrix', () => {
    const rated = risks.filter((r) => optionOf(r, likelihood) && optionOf(r, impact));
    expect(rated.length).toBe(risks.length - flawKeys('riskNoLikelihood').size);
    const cells = new Set(rated.map((r) => `${optionOf(r, likelihood)}/${optionOf(r, impact)}`));
    expect(cells.size).toBeGreaterThanOrEqual(10);
    for (const r of risks) {
      expect(optionOf(r, impact)).toBeDefined();
      expect(optionOf(r, idx.fieldId('Residual likelihood'))).toBeDefined();
      expect(optionOf(r, idx.fieldId('Residual impact'))).toBeDefined();
      expect(r.customFields[idx.fieldId('Mitigation')]).toBeDefined();
    }
  });

  it('records likelihood and impact re-assessments that end in the current rating', () => {
    let changed = 0;
    for (const r of risks) {
      for (const fieldId of [likelihood, impact]) {
        const moves = r.changelog.flatMap((e) => e.items.filter((it) => it.fieldId === fieldId));
        if (moves.length === 0) continue;
        changed++;
        expect(moves[moves.length - 1]?.toString).toBe(optionOf(r, fieldId));
      }
    }
    expect(changed).toBeGreaterThan(20);
  });

  it('has risks open, being mitigated and closed', () => {
    const cats = new Set(risks.map((r) => idx.categoryOf(r)));
    expect(cats).toEqual(new Set(['new', 'indeterminate', 'done']));
  });

  it('has milestones with due dates, some done and some late', () => {
    const milestones = idx.ofType('Milestone');
    const noDue = flawKeys('missingDueDate');
    for (const m of milestones) expect(m.duedate === null).toBe(noDue.has(m.key));
    expect(milestones.filter((m) => idx.categoryOf(m) === 'done').length).toBeGreaterThanOrEqual(5);
    const late = milestones.filter((m) => m.duedate !== null && m.duedate < ANCHOR && idx.categoryOf(m) !== 'done');
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(milestones.filter((m) => m.duedate !== null && m.duedate > ANCHOR).length).toBeGreaterThanOrEqual(5);
  });
});
