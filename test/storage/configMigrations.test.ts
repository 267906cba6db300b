import { FIELD_CONCEPTS } from '../../src/contract';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { MIGRATIONS, migrateConfig, versionOf } from '../../src/storage/configMigrations';
import { CURRENT_SCHEMA_VERSION, validateConfig } from '../../src/storage/configSchema';

/** What the first releases stored: concepts as { name } objects, some concepts not yet known, no risk scale. */
function v0Config(): Record<string, unknown> {
  const { riskScale: _riskScale, fieldMapping, ...rest } = structuredClone(DEFAULT_CONFIG);
  const oldMapping = Object.fromEntries(
    Object.entries(fieldMapping)
      .filter(([concept]) => !concept.startsWith('residual'))
      .map(([concept, name]) => [concept, { name: concept === 'storyPoints' ? 'Story Points' : name }]),
  );
  return { ...rest, schemaVersion: 0, fieldMapping: oldMapping };
}

describe('configuration migrations', () => {
  it('has one step per version up to the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(CURRENT_SCHEMA_VERSION).keys()]);
  });

  it('upgrades v0: { name } entries become names, missing concepts and the risk scale come from the defaults', () => {
    const result = migrateConfig(v0Config());
    if (!result.ok) throw new Error(result.problem);
    expect(result.fromVersion).toBe(0);
    expect(result.applied).toEqual([expect.stringMatching(/^0 → 1: field mapping entries \{ name \} became field names/)]);
    const validated = validateConfig(result.config);
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    expect(validated.config).toEqual({
      ...DEFAULT_CONFIG,
      fieldMapping: { ...DEFAULT_CONFIG.fieldMapping, storyPoints: 'Story Points' },
    });
    expect(Object.keys(validated.config.fieldMapping).sort()).toEqual([...FIELD_CONCEPTS].sort());
    expect(validated.config.riskScale).not.toBe(DEFAULT_CONFIG.riskScale);
  });

  it('reads a configuration without schemaVersion as v0, and a stored version overrides the field', () => {
    const { schemaVersion: _v, ...noVersion } = v0Config();
    expect(versionOf(noVersion)).toBe(0);
    expect(migrateConfig(noVersion)).toMatchObject({ ok: true, fromVersion: 0 });
    expect(migrateConfig(v0Config(), 0)).toMatchObject({ ok: true, fromVersion: 0 });
  });

  it('keeps a v0 risk scale if one was there, and leaves other problems to validation', () => {
    const custom = { ...v0Config(), riskScale: { ...DEFAULT_CONFIG.riskScale, impactLabels: ['a', 'b', 'c', 'd', 'e'] } };
    const kept = migrateConfig(custom);
    expect(kept.ok && (kept.config as typeof DEFAULT_CONFIG).riskScale.impactLabels).toEqual(['a', 'b', 'c', 'd', 'e']);

    const broken = migrateConfig({ ...v0Config(), fieldMapping: { ...(v0Config().fieldMapping as object), startDate: { label: 'Start' } } });
    if (!broken.ok) throw new Error(broken.problem);
    const validated = validateConfig(broken.config);
    expect(validated.ok ? [] : validated.problems).toEqual([{ path: 'fieldMapping.startDate', message: 'The field mapping of startDate must be a field name' }]);
  });

  it('leaves a current configuration as it is', () => {
    expect(migrateConfig(structuredClone(DEFAULT_CONFIG))).toEqual({ ok: true, config: DEFAULT_CONFIG, fromVersion: 1, applied: [] });
  });

  it('refuses a configuration from a newer app, a bad version and a non-object, naming why', () => {
    expect(migrateConfig({ ...DEFAULT_CONFIG, schemaVersion: 3 })).toEqual({
      ok: false,
      fromVersion: 3,
      problem: 'The settings were written by a newer version of the app (schema 3); this version understands schema 1 and older',
    });
    expect(migrateConfig({ ...DEFAULT_CONFIG, schemaVersion: 'one' })).toMatchObject({ ok: false, problem: 'schemaVersion "one" is not a version number' });
    expect(migrateConfig([DEFAULT_CONFIG])).toMatchObject({ ok: false, problem: 'The settings are not a JSON object' });
  });
});
