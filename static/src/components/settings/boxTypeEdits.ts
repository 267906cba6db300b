/**
 * Changes to the box types and what each one brings along: a deleted type's children move to its parent,
 * the conversion's team type follows, the array stays in tree order. Pure functions on the config; no React.
 */
import type { BoxTypeDto, PanelKey, TransformationConfigDto } from '../../../../src/contract';
import { childrenOf, descendantIds, inTreeOrder, isRoot, newTypeId } from './boxTypeTree';
import { PANELS } from './labels';

type Config = TransformationConfigDto;

const withTypes = (config: Config, boxTypes: BoxTypeDto[]): Config => ({ ...config, boxTypes: inTreeOrder(boxTypes) });
const update = (config: Config, id: string, change: (type: BoxTypeDto) => BoxTypeDto): Config =>
  withTypes(config, config.boxTypes.map((t) => (t.id === id ? change(t) : t)));

/** A new type under `parentTypeId`, found by the issue type of its name, with its parent's toolset. */
export function addBoxType(config: Config, name: string, parentTypeId: string): { config: Config; id: string } {
  const parent = config.boxTypes.find((t) => t.id === parentTypeId);
  const trimmed = name.trim();
  if (!parent || !trimmed) return { config, id: '' };
  const id = newTypeId(trimmed, config.boxTypes);
  const type: BoxTypeDto = { id, name: trimmed, parentTypeId, source: { kind: 'issueType', issueType: trimmed }, progressMethod: 'issueCount', toolset: [...parent.toolset] };
  return { config: withTypes(config, [...config.boxTypes, type]), id };
}

export const renameBoxType = (config: Config, id: string, name: string): Config => update(config, id, (t) => ({ ...t, name }));

/** Swaps the type with its previous (-1) or next (+1) sibling; its subtree moves with it. */
export function moveBoxType(config: Config, id: string, direction: -1 | 1): Config {
  const type = config.boxTypes.find((t) => t.id === id);
  if (!type) return config;
  const siblings = childrenOf(config.boxTypes, type.parentTypeId);
  const other = siblings[siblings.indexOf(type) + direction];
  if (!other) return config;
  const types = [...config.boxTypes];
  const a = types.indexOf(type);
  const b = types.indexOf(other);
  types[a] = other;
  types[b] = type;
  return withTypes(config, types);
}

/** The root keeps no parent; a type cannot go below itself. */
export function setParent(config: Config, id: string, parentTypeId: string): Config {
  const type = config.boxTypes.find((t) => t.id === id);
  if (!type || isRoot(type) || parentTypeId === id || descendantIds(config.boxTypes, id).has(parentTypeId)) return config;
  if (!config.boxTypes.some((t) => t.id === parentTypeId)) return config;
  return update(config, id, (t) => ({ ...t, parentTypeId }));
}

/** Switches one panel of the type's toolset, keeping the panels in their usual order. */
export function setToolsetPanel(config: Config, id: string, panel: PanelKey, on: boolean): Config {
  return update(config, id, (t) => {
    const next = new Set(t.toolset);
    if (on) next.add(panel);
    else next.delete(panel);
    return { ...t, toolset: [...PANELS.filter((p) => next.has(p)), ...t.toolset.filter((p) => !PANELS.includes(p))] };
  });
}

export interface DeleteImpact {
  type: BoxTypeDto;
  /** The types that use it as parent, and the type they move under. */
  children: BoxTypeDto[];
  newParent: BoxTypeDto | null;
  /** Set when it is the conversion's team type: the type that takes over, or null when none can. */
  team: { replacement: BoxTypeDto | null } | null;
  /** Sentences for the confirmation dialog. */
  lines: string[];
}

/** What deleting a type would change; null for the root (it cannot be deleted) or an unknown id. */
export function deleteImpact(config: Config, id: string): DeleteImpact | null {
  const type = config.boxTypes.find((t) => t.id === id);
  if (!type || isRoot(type)) return null;
  const children = childrenOf(config.boxTypes, id);
  const newParent = config.boxTypes.find((t) => t.id === type.parentTypeId) ?? null;
  const under = newParent ? newParent.name : 'the transformation';
  const lines = [`Its boxes will no longer be boxes: their work will be counted under ${under}.`];
  if (children.length > 0) {
    const names = children.map((c) => c.name).join(', ');
    lines.push(`${children.length} box ${children.length === 1 ? 'type uses' : 'types use'} it as parent (${names}); ${children.length === 1 ? 'it moves' : 'they move'} under ${under}.`);
  }
  let team: DeleteImpact['team'] = null;
  if (config.conversion.teamBoxTypeId === id) {
    const others = config.boxTypes.filter((t) => t.id !== id && !isRoot(t));
    const replacement = children[0] ?? (newParent && !isRoot(newParent) ? newParent : (others[0] ?? null));
    team = { replacement };
    lines.push(
      replacement
        ? `It is the team box type of Teams converted: ${replacement.name} boxes will count as the teams instead.`
        : 'It is the team box type of Teams converted, and no other box type can take over: add one before saving.',
    );
  }
  return { type, children, newParent, team, lines };
}

/** Deletes a non-root type: its children move to its parent, and the team type moves on when it was this one. */
export function deleteBoxType(config: Config, id: string): Config {
  const impact = deleteImpact(config, id);
  if (!impact) return config;
  const boxTypes = config.boxTypes.filter((t) => t.id !== id).map((t) => (t.parentTypeId === id ? { ...t, parentTypeId: impact.type.parentTypeId } : t));
  const teamBoxTypeId = impact.team?.replacement ? impact.team.replacement.id : config.conversion.teamBoxTypeId;
  return withTypes({ ...config, conversion: { ...config.conversion, teamBoxTypeId } }, boxTypes);
}
