/**
 * Where the server's problems belong on the page. A problem's path ("boxTypes[2].parentTypeId") becomes a
 * field key ("boxType:team:parentTypeId") that the field shows it by, and a place the summary names.
 * Box types are keyed by id, read from the configuration that was sent, so later reordering keeps them in place.
 */
import type { ConfigProblemDto, FieldConceptDto, TransformationConfigDto } from '../../../../src/contract';
import { CONCEPT_LABELS } from './labels';

type Segment = string | number;

/** "boxTypes[2].source.issueType" → ["boxTypes", 2, "source", "issueType"] */
export function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

const BOX_TYPE_PARTS: Record<string, string> = { id: 'id', name: 'name', parentTypeId: 'parent type', source: 'how boxes are found', progressMethod: 'progress method', toolset: 'toolset' };
const CONVERSION_PARTS: Record<string, string> = { stages: 'stages', targetStage: 'target stage', teamBoxTypeId: 'team box type', targetRatio: 'target share of teams' };

/** The field key a problem belongs to; the section's own key when no finer field matches. */
export function problemKey(path: string, config: TransformationConfigDto): string {
  const [head, second, third, fourth] = parsePath(path);
  switch (head) {
    case 'name':
      return 'name';
    case 'boxTypes': {
      const type = typeof second === 'number' ? config.boxTypes[second] : undefined;
      if (!type) return 'boxTypes';
      return typeof third === 'string' && third in BOX_TYPE_PARTS ? `boxType:${type.id}:${third}` : `boxType:${type.id}`;
    }
    case 'fieldMapping':
      return typeof second === 'string' && second in config.fieldMapping ? `fieldMapping:${second}` : 'fieldMapping';
    case 'conversion':
      return typeof second === 'string' && second in CONVERSION_PARTS ? `conversion:${second}` : 'conversion';
    case 'riskIssueTypes':
    case 'milestoneIssueTypes':
      return head;
    case 'riskScale':
      if (second === 'likelihoodLabels' || second === 'impactLabels') return typeof third === 'number' ? `riskScale:${second}:${third}` : `riskScale:${second}`;
      if (second === 'bands') return typeof third === 'number' ? `riskScale:bands:${third}${typeof fourth === 'string' ? `:${fourth}` : ''}` : 'riskScale:bands';
      return 'riskScale';
    default:
      return 'general';
  }
}

/** Where the summary says a problem is: "Box type “Team” › parent type". */
export function problemPlace(path: string, config: TransformationConfigDto): string {
  const key = problemKey(path, config);
  const [section, a, b, c] = key.split(':');
  switch (section) {
    case 'name':
      return 'Transformation name';
    case 'boxTypes':
      return 'Box types';
    case 'boxType': {
      const name = config.boxTypes.find((t) => t.id === a)?.name.trim() || a || '';
      return `Box type “${name}”${b ? ` › ${BOX_TYPE_PARTS[b] ?? b}` : ''}`;
    }
    case 'fieldMapping':
      return `Field mapping${a ? ` › ${CONCEPT_LABELS[a as FieldConceptDto] ?? a}` : ''}`;
    case 'conversion':
      return `Conversion${a ? ` › ${CONVERSION_PARTS[a] ?? a}` : ''}`;
    case 'riskIssueTypes':
      return 'Risk issue types';
    case 'milestoneIssueTypes':
      return 'Milestone issue types';
    case 'riskScale':
      if (a === 'bands') return `Risk scale › bands${b ? ` › band ${Number(b) + 1}${c ? ` ${c === 'min' ? 'minimum score' : c}` : ''}` : ''}`;
      if (a) return `Risk scale › ${a === 'likelihoodLabels' ? 'likelihood' : 'impact'} labels${b ? ` › level ${Number(b) + 1}` : ''}`;
      return 'Risk scale';
    default:
      return 'Settings';
  }
}

export type ProblemIndex = ReadonlyMap<string, readonly string[]>;

export function indexProblems(problems: readonly ConfigProblemDto[], config: TransformationConfigDto): ProblemIndex {
  const index = new Map<string, string[]>();
  for (const problem of problems) {
    const key = problemKey(problem.path, config);
    index.set(key, [...(index.get(key) ?? []), problem.message]);
  }
  return index;
}

export const NO_PROBLEMS: ProblemIndex = new Map();

/** The messages of exactly this field. */
export const problemsAt = (index: ProblemIndex, key: string): readonly string[] => index.get(key) ?? [];

/** The messages of this field and every field under it ("boxType:team" also gives "boxType:team:name"). */
export function problemsUnder(index: ProblemIndex, prefix: string): string[] {
  return [...index.entries()].filter(([key]) => key === prefix || key.startsWith(`${prefix}:`)).flatMap(([, messages]) => messages);
}
