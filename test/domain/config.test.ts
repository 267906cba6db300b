import type { TransformationConfig } from '../../src/domain';
import { boxOf, boxType, build, codes, config, rootType, workItem } from './factories';

/** The given box types, plus the default's team type (for conversion) when they have none. */
function withTypes(boxTypes: TransformationConfig['boxTypes']): TransformationConfig {
  const hasTeam = boxTypes.some((type) => type.id === 'team');
  return config({ boxTypes: hasTeam ? boxTypes : [...boxTypes, boxType('team', 'transformation', 'Team')] });
}

const alpha = (key: string, parentKey: string | null = null) => workItem({ key, issueType: 'Alpha', parentKey });
const beta = (key: string, parentKey: string | null = null) => workItem({ key, issueType: 'Beta', parentKey });

describe('configuration problems become warnings without an issue key', () => {
  it('breaks a cycle in box types and still builds', () => {
    // alpha → beta → alpha: walking up from alpha (listed first), beta's link back closes the loop,
    // so beta hangs under the root type and alpha stays under beta.
    const cfg = withTypes([rootType(), boxType('alpha', 'beta', 'Alpha'), boxType('beta', 'alpha', 'Beta'), boxType('team', 'alpha', 'Team')]);
    const model = build([beta('B-1'), alpha('A-1', 'B-1'), alpha('A-2')], cfg);
    expect(model.warnings).toEqual([
      { code: 'invalidConfig', issueKey: null, field: 'boxTypes.beta.parentTypeId', message: 'Configuration: box types form a loop (alpha → beta → alpha); "beta" is placed under the transformation' },
      // A-2 is an alpha outside any beta.
      { code: 'orphanBox', issueKey: 'A-2', field: 'parent', message: 'A-2: this Alpha is not under any Beta, so it is shown directly under the transformation' },
    ]);
    expect(boxOf(model, 'root').childIds).toEqual(['B-1', 'A-2']);
    expect(boxOf(model, 'A-1').parentId).toBe('B-1');
  });

  it('breaks a box type that is its own parent type', () => {
    const model = build([alpha('A-1')], withTypes([rootType(), boxType('alpha', 'alpha', 'Alpha')]));
    expect(codes(model)).toEqual(['invalidConfig']);
    expect(boxOf(model, 'A-1').parentId).toBe('root');
  });

  it('puts a box type whose parent type does not exist under the root, without orphan warnings', () => {
    const model = build([alpha('A-1')], withTypes([rootType(), boxType('alpha', 'ghost', 'Alpha')]));
    expect(model.warnings).toEqual([
      { code: 'invalidConfig', issueKey: null, field: 'boxTypes.alpha.parentTypeId', message: 'Configuration: box type "Alpha" has parent type "ghost", which does not exist; it is placed under the transformation' },
    ]);
    expect(boxOf(model, 'A-1').parentId).toBe('root');
  });

  it('puts a non-root box type without a parent type under the root', () => {
    const model = build([alpha('A-1')], withTypes([rootType(), boxType('alpha', null, 'Alpha')]));
    expect(model.warnings.map((w) => [w.code, w.issueKey, w.field])).toEqual([['invalidConfig', null, 'boxTypes.alpha.parentTypeId']]);
    expect(boxOf(model, 'A-1').parentId).toBe('root');
  });

  it('assumes a root box type when there is none', () => {
    const model = build([alpha('A-1'), workItem({ key: 'X-1', statusCategory: 'done' })], withTypes([boxType('alpha', 'transformation', 'Alpha')]));
    expect(boxOf(model, 'root')).toMatchObject({ typeId: '__root__', name: 'Digital Transformation', childIds: ['A-1'], itemKeys: ['X-1'] });
    expect(boxOf(model, 'root').progress).toEqual({ method: 'issueCount', ratio: 1, done: 1, total: 1 });
    // With no root type, "transformation" names no type, so the types pointing at it are warned about too.
    expect(model.warnings.map((w) => w.field)).toEqual(['boxTypes', 'boxTypes.alpha.parentTypeId', 'boxTypes.team.parentTypeId']);
  });

  it('keeps the first of two root box types and the first of duplicate type ids', () => {
    const second = { ...rootType('storyPoints'), id: 'second' };
    const model = build([alpha('A-1')], withTypes([rootType('issueCount'), second, boxType('alpha', 'second', 'Alpha'), boxType('alpha', 'transformation', 'Beta')]));
    expect(boxOf(model, 'root')).toMatchObject({ typeId: 'transformation', progress: { method: 'issueCount' } });
    expect(boxOf(model, 'A-1').parentId).toBe('root');
    expect(model.warnings.map((w) => w.field)).toEqual(['boxTypes.alpha', 'boxTypes.second']);
  });

  it('ignores a parent type on the root box type', () => {
    const model = build([], withTypes([{ ...rootType(), parentTypeId: 'alpha' }, boxType('alpha', 'transformation', 'Alpha')]));
    expect(model.warnings.map((w) => w.field)).toEqual(['boxTypes.transformation.parentTypeId']);
  });

  it('uses issue count for an unknown progress method', () => {
    const broken = { ...boxType('alpha', 'transformation', 'Alpha'), progressMethod: 'vibes' as never };
    const model = build([alpha('A-1'), workItem({ parentKey: 'A-1', statusCategory: 'done' }), workItem({ parentKey: 'A-1' })], withTypes([rootType(), broken]));
    expect(boxOf(model, 'A-1').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 1, total: 2 });
    expect(model.warnings.map((w) => [w.code, w.field])).toEqual([['invalidConfig', 'boxTypes.alpha.progressMethod']]);
  });

  it('warns about a box type that names no issue type', () => {
    const model = build([workItem({ key: 'X-1', issueType: '' })], withTypes([rootType(), boxType('alpha', 'transformation', '  ')]));
    expect(model.boxes['X-1']).toBeUndefined();
    expect(model.warnings.map((w) => w.field)).toEqual(['boxTypes.alpha.source']);
  });

  it('makes the issue a box of the first box type that matches it', () => {
    const model = build([alpha('A-1')], withTypes([rootType(), boxType('first', 'transformation', 'Alpha'), boxType('second', 'transformation', 'alpha')]));
    expect(boxOf(model, 'A-1').typeId).toBe('first');
  });
});
