/** How a box type finds its boxes: switching the kind of source, keeping what carries over, and what will not work. No React here. */
import type { BoxSourceDto, BoxTypeDto } from '../../../../src/contract';

export type SourceKind = Exclude<BoxSourceDto['kind'], 'root'>;

export const SOURCE_KINDS: readonly { value: SourceKind; label: string }[] = [
  { value: 'issueType', label: 'Issues of a type' },
  { value: 'parentLink', label: 'Child issues of parent boxes' },
  { value: 'jql', label: 'Issues a JQL query finds' },
  { value: 'project', label: 'One box per Jira project' },
];

const quoted = (text: string) => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** Issue types the source names, if any. */
const issueTypesOf = (source: BoxSourceDto): string[] =>
  source.kind === 'issueType' ? [source.issueType].filter((t) => t.trim()) : source.kind === 'parentLink' ? (source.issueTypes ?? []) : [];

const projectKeysOf = (source: BoxSourceDto): string[] => (source.kind === 'issueType' || source.kind === 'project' ? (source.projectKeys ?? []) : []);

/** The source of another kind, carrying over the issue types and project keys it can use. */
export function sourceOfKind(kind: SourceKind, current: BoxSourceDto, typeName: string): BoxSourceDto {
  if (current.kind === kind) return current;
  const issueTypes = issueTypesOf(current);
  const projectKeys = projectKeysOf(current);
  const keys = projectKeys.length > 0 ? { projectKeys } : {};
  switch (kind) {
    case 'issueType':
      return { kind, issueType: issueTypes[0] ?? typeName.trim(), ...keys };
    case 'parentLink':
      return issueTypes.length > 0 ? { kind, issueTypes } : { kind };
    case 'jql': {
      const clauses = [issueTypes.length > 0 ? `issuetype in (${issueTypes.map(quoted).join(', ')})` : '', projectKeys.length > 0 ? `project in (${projectKeys.join(', ')})` : ''].filter(Boolean);
      return { kind, jql: clauses.join(' AND ') };
    }
    case 'project':
      return { kind, ...keys };
  }
}

/** Why a source will find no boxes (or not where expected) under this parent; null when it looks fine. */
export function sourceWarning(type: BoxTypeDto, parent: BoxTypeDto | null): string | null {
  const parentKind = parent?.source.kind ?? 'root';
  if (type.source.kind === 'parentLink' && (parentKind === 'root' || parentKind === 'project')) {
    const parentName = parentKind === 'root' ? 'the transformation' : `the project box type “${parent?.name ?? ''}”`;
    return `No issue has ${parentName} as its parent, so this type will find no boxes. Put it under a type whose boxes are issues.`;
  }
  if (type.source.kind === 'project' && parentKind !== 'root') {
    return 'Project box types work only directly under the top type; elsewhere their boxes are shown under the transformation.';
  }
  return null;
}
