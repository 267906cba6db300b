/**
 * The whole TransformationConfig as a zod schema: shapes, limits and the rules across fields
 * (one root box type, parents that exist, no cycle, a team type and target stage that exist, an ordered risk scale).
 * Every message names the problem so an administrator can fix it without reading code.
 */
import { z } from 'zod';
import { FIELD_CONCEPTS, type ConfigProblemDto, type TransformationConfigDto } from '../contract';
import { ALL_PANELS, type FieldConcept, type Panel, type TransformationConfig } from '../domain/model';

/** The configuration schema this app writes; older ones are upgraded by configMigrations.ts. */
export const CURRENT_SCHEMA_VERSION = 1;

const MAX_BOX_TYPES = 25;
const MAX_STAGES = 20;
const MAX_ISSUE_TYPES = 50;
const MAX_PROJECT_KEYS = 200;
const MAX_NAME = 255;

const PROGRESS_METHODS = ['issueCount', 'storyPoints', 'originalEstimate', 'manual'] as const;
const BAND_NAMES = ['low', 'medium', 'high', 'critical'] as const;

const text = (what: string, max = MAX_NAME) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .refine((s) => s.trim().length > 0, `${what} cannot be empty`)
    .refine((s) => s.length <= max, `${what} is limited to ${max} characters`);

const uniqueList = <S extends z.ZodType<string, string>>(item: S, what: string, max: number) =>
  z
    .array(item)
    .max(max, `${what} can hold at most ${max} entries`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((value, index) => {
        const key = value.trim().toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice in ${what}` });
        seen.add(key);
      });
    });

const boxTypeId = z
  .string({ error: 'A box type id must be text' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A box type id is 1 to 64 letters, digits, "_" or "-"');

const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a Jira project key (e.g. "PAY")');

const panel = z.enum(ALL_PANELS as readonly [Panel, ...Panel[]], {
  error: (iss) => `Unknown panel ${JSON.stringify(iss.input)} in a toolset; the panels are ${ALL_PANELS.join(', ')}`,
});

/** Long enough for any filter an admin writes; short enough to keep one settings record small. */
const MAX_JQL_LENGTH = 2000;

const boxSource = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('root') }),
    z.strictObject({
      kind: z.literal('issueType'),
      issueType: text('The issue type of a box type'),
      projectKeys: z.array(projectKey).max(MAX_PROJECT_KEYS).optional(),
    }),
    z.strictObject({
      kind: z.literal('parentLink'),
      issueTypes: z.array(text('An issue type of a parent-link box type')).max(MAX_ISSUE_TYPES).optional(),
    }),
    z.strictObject({ kind: z.literal('jql'), jql: text('The JQL of a box type', MAX_JQL_LENGTH) }),
    z.strictObject({ kind: z.literal('project'), projectKeys: z.array(projectKey).max(MAX_PROJECT_KEYS).optional() }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union' ? 'A box type source is { kind: "root" }, { kind: "issueType", issueType }, { kind: "parentLink" }, { kind: "jql", jql } or { kind: "project" }' : undefined,
  },
);

const boxType = z.strictObject({
  id: boxTypeId,
  name: text('A box type name', 80),
  parentTypeId: boxTypeId.nullable(),
  source: boxSource,
  progressMethod: z.enum(PROGRESS_METHODS, { error: (iss) => `Unknown progress method ${JSON.stringify(iss.input)}; the methods are ${PROGRESS_METHODS.join(', ')}` }),
  toolset: uniqueList(panel, 'the toolset', ALL_PANELS.length),
});

const fieldMappingShape = Object.fromEntries(
  FIELD_CONCEPTS.map((concept) => [
    concept,
    z
      .string({ error: (iss) => (iss.input === undefined ? `The field mapping has no entry for the concept ${concept} (use "" to not read it)` : `The field mapping of ${concept} must be a field name`) })
      .max(MAX_NAME, `The field name mapped to ${concept} is limited to ${MAX_NAME} characters`),
  ]),
) as Record<FieldConcept, z.ZodString>;

const fieldMapping = z.strictObject(fieldMappingShape, {
  error: (iss) =>
    iss.code === 'unrecognized_keys'
      ? `Unknown field concept${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}; the concepts are ${FIELD_CONCEPTS.join(', ')}`
      : iss.code === 'invalid_type'
        ? 'The field mapping must be an object of concept → field name'
        : undefined,
});

const label = (what: string) => text(what, 60);
const fiveLabels = (what: string) =>
  z.tuple([label(what), label(what), label(what), label(what), label(what)], { error: `The risk scale needs exactly 5 ${what}s, lowest first` });

const band = z.strictObject({
  name: z.enum(BAND_NAMES, { error: (iss) => `Unknown risk band ${JSON.stringify(iss.input)}; the bands are ${BAND_NAMES.join(', ')}` }),
  min: z.number({ error: 'A risk band minimum must be a number' }).int('A risk band minimum must be a whole number').min(1, 'A risk band minimum is a score from 1 to 25').max(25, 'A risk band minimum is a score from 1 to 25'),
  color: z.string().regex(/^color\.[a-z]+(\.[a-z]+)*$/, 'A risk band color must be an Atlaskit color token, e.g. "color.background.danger"'),
});

const riskScale = z.strictObject({
  likelihoodLabels: fiveLabels('likelihood label'),
  impactLabels: fiveLabels('impact label'),
  bands: z.array(band).min(1, 'The risk scale needs at least one band').max(BAND_NAMES.length),
});

const conversion = z.strictObject({
  teamBoxTypeId: boxTypeId,
  stages: uniqueList(text('A conversion stage', 80), 'the conversion stages', MAX_STAGES).refine((s) => s.length >= 2, 'Conversion needs at least 2 stages: the first means "not started"'),
  targetStage: text('The target stage', 80),
  targetRatio: z.number().min(0, 'The target share of teams converted is between 0 and 1').max(1, 'The target share of teams converted is between 0 and 1').optional(),
});

const issueTypes = (what: string) => uniqueList(text(`An issue type in ${what}`), what, MAX_ISSUE_TYPES);

const statusNames = (what: string) => uniqueList(text(`A status in ${what}`), what, MAX_ISSUE_TYPES);

/** What the reports read as blocked, waiting or needing a decision, the flow kinds, and the stage gates. */
const reports = z.strictObject({
  needsDecisionStatuses: statusNames('reports.needsDecisionStatuses'),
  blockedStatuses: statusNames('reports.blockedStatuses'),
  waitingStatuses: statusNames('reports.waitingStatuses'),
  flowKinds: z.strictObject({
    feature: issueTypes('reports.flowKinds.feature'),
    defect: issueTypes('reports.flowKinds.defect'),
    risk: issueTypes('reports.flowKinds.risk'),
    debt: issueTypes('reports.flowKinds.debt'),
  }),
  stageGates: uniqueList(text('A stage gate', 80), 'reports.stageGates', MAX_STAGES).refine((g) => g.length >= 2, 'There must be at least 2 stage gates'),
  stuckGateDays: z.number().int().min(1, 'stuckGateDays is at least 1 day').max(3650),
  forecastTrials: z.number().int().min(100, 'A forecast needs at least 100 trials').max(20_000, 'At most 20,000 trials keep a forecast within the resolver time limit'),
  forecastSampleWeeks: z.number().int().min(2, 'A forecast samples at least 2 weeks').max(104),
});

const configShape = z.strictObject({
  schemaVersion: z
    .number({ error: 'schemaVersion must be a number' })
    .int()
    .refine((v): boolean => v === CURRENT_SCHEMA_VERSION, { message: `schemaVersion must be ${CURRENT_SCHEMA_VERSION} (older settings are upgraded when read or imported)` }),
  name: text('The transformation name', 120),
  boxTypes: z.array(boxType).min(1, 'There must be at least one box type: the transformation itself').max(MAX_BOX_TYPES, `At most ${MAX_BOX_TYPES} box types`),
  fieldMapping,
  conversion,
  riskIssueTypes: issueTypes('riskIssueTypes'),
  milestoneIssueTypes: issueTypes('milestoneIssueTypes'),
  riskScale,
  reports: reports.optional(),
});

type Ctx = z.core.$RefinementCtx<z.infer<typeof configShape>>;

/** Finds each cycle among parent links once, named from where the walk entered it: "team → initiative → team". */
export function parentCycles(parentOf: ReadonlyMap<string, string | null>): string[][] {
  const cycles: string[][] = [];
  const finished = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current !== null && current !== undefined && parentOf.has(current) && !finished.has(current)) {
      const at = path.indexOf(current);
      if (at >= 0) {
        cycles.push([...path.slice(at), current]);
        break;
      }
      path.push(current);
      current = parentOf.get(current);
    }
    for (const id of path) finished.add(id);
  }
  return cycles;
}

function checkBoxTypes(config: z.infer<typeof configShape>, ctx: Ctx): void {
  const seen = new Set<string>();
  config.boxTypes.forEach((type, index) => {
    if (seen.has(type.id)) ctx.addIssue({ code: 'custom', path: ['boxTypes', index, 'id'], message: `Box type id "${type.id}" is used more than once` });
    seen.add(type.id);
  });

  const roots = config.boxTypes.filter((type) => type.source.kind === 'root');
  if (roots.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['boxTypes'], message: 'There is no root box type: exactly one box type must have source { kind: "root" } (the transformation itself)' });
  } else if (roots.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['boxTypes'], message: `There are ${roots.length} root box types (${roots.map((r) => `"${r.id}"`).join(', ')}); exactly one box type may be the root` });
  }

  const ids = new Set(config.boxTypes.map((type) => type.id));
  config.boxTypes.forEach((type, index) => {
    const path = ['boxTypes', index, 'parentTypeId'];
    if (type.source.kind === 'root') {
      if (type.parentTypeId !== null) ctx.addIssue({ code: 'custom', path, message: `The root box type "${type.id}" cannot have a parent type` });
    } else if (type.parentTypeId === null) {
      ctx.addIssue({ code: 'custom', path, message: `Box type "${type.id}" needs a parent box type` });
    } else if (!ids.has(type.parentTypeId)) {
      ctx.addIssue({ code: 'custom', path, message: `Box type "${type.id}" has parent type "${type.parentTypeId}", which does not exist` });
    }
  });

  const parentOf = new Map<string, string | null>();
  for (const type of config.boxTypes) if (!parentOf.has(type.id)) parentOf.set(type.id, type.parentTypeId);
  for (const cycle of parentCycles(parentOf)) {
    const index = config.boxTypes.findIndex((type) => type.id === cycle[0]);
    ctx.addIssue({ code: 'custom', path: ['boxTypes', index, 'parentTypeId'], message: `Box types form a cycle: ${cycle.join(' → ')}` });
  }

  const team = config.boxTypes.find((type) => type.id === config.conversion.teamBoxTypeId);
  if (!team) {
    ctx.addIssue({ code: 'custom', path: ['conversion', 'teamBoxTypeId'], message: `The team box type "${config.conversion.teamBoxTypeId}" is not one of the box types (${[...ids].join(', ')})` });
  } else if (team.source.kind === 'root') {
    ctx.addIssue({ code: 'custom', path: ['conversion', 'teamBoxTypeId'], message: `The team box type cannot be the root box type "${team.id}": teams are issues` });
  }
}

function checkConversion(config: z.infer<typeof configShape>, ctx: Ctx): void {
  const { stages, targetStage } = config.conversion;
  const index = stages.findIndex((stage) => stage.trim().toLowerCase() === targetStage.trim().toLowerCase());
  if (index < 0) {
    ctx.addIssue({ code: 'custom', path: ['conversion', 'targetStage'], message: `The target stage "${targetStage}" is not one of the stages (${stages.join(', ')})` });
  } else if (index === 0) {
    ctx.addIssue({ code: 'custom', path: ['conversion', 'targetStage'], message: `The target stage cannot be the first stage "${stages[0] ?? ''}", which means not started` });
  }
}

function checkBands(config: z.infer<typeof configShape>, ctx: Ctx): void {
  const { bands } = config.riskScale;
  const first = bands[0];
  if (first && first.min !== 1) ctx.addIssue({ code: 'custom', path: ['riskScale', 'bands', 0, 'min'], message: `The lowest risk band "${first.name}" must start at score 1, so every score has a band (it starts at ${first.min})` });
  bands.forEach((current, index) => {
    const previous = bands[index - 1];
    if (!previous) return;
    if (current.min <= previous.min) {
      ctx.addIssue({ code: 'custom', path: ['riskScale', 'bands', index, 'min'], message: `Risk bands must be ordered by their minimum score: "${current.name}" (from ${current.min}) comes after "${previous.name}" (from ${previous.min})` });
    }
    if (BAND_NAMES.indexOf(current.name) <= BAND_NAMES.indexOf(previous.name)) {
      ctx.addIssue({ code: 'custom', path: ['riskScale', 'bands', index, 'name'], message: `Risk bands must go up in severity (${BAND_NAMES.join(' < ')}): "${current.name}" cannot come after "${previous.name}"` });
    }
  });
}

export const transformationConfigSchema = configShape.superRefine((config, ctx) => {
  checkBoxTypes(config, ctx);
  checkConversion(config, ctx);
  checkBands(config, ctx);
});

// ---------- compile-time checks: the schema, the domain type and the contract DTO describe one shape ----------

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemaMatchesDomain = Assert<Mutual<z.infer<typeof transformationConfigSchema>, TransformationConfig>>;
export type SchemaInputMatchesDomain = Assert<Mutual<z.input<typeof transformationConfigSchema>, TransformationConfig>>;
export type DtoMatchesDomain = Assert<Mutual<TransformationConfigDto, TransformationConfig>>;
export type ConceptsAreComplete = Assert<Mutual<(typeof FIELD_CONCEPTS)[number], FieldConcept>>;

// ---------- validation with named problems ----------

export type ConfigProblem = ConfigProblemDto;

/** "boxTypes[2].parentTypeId" from zod's path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

export function problemsOf(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
}

/** One line for a list of problems: the first, and how many more. */
export function describeProblems(problems: readonly ConfigProblem[]): string {
  const first = problems[0];
  if (!first) return 'The settings are invalid';
  const where = first.path ? `${first.path}: ` : '';
  return `${where}${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`;
}

export type ConfigValidation = { ok: true; config: TransformationConfig } | { ok: false; problems: ConfigProblem[] };

export function validateConfig(input: unknown): ConfigValidation {
  const parsed = transformationConfigSchema.safeParse(input);
  return parsed.success ? { ok: true, config: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** A configuration that failed validation; `problems` names each problem and where it is. */
export class InvalidConfigError extends Error {
  constructor(
    readonly problems: ConfigProblem[],
    prefix = 'The settings are invalid',
  ) {
    super(`${prefix}: ${describeProblems(problems)}`);
    this.name = 'InvalidConfigError';
  }
}
