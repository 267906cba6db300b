import type { Box, TransformationModel } from '../model';
import { fieldText } from '../itemFields';
import { boxById, itemByKey } from '../lookup';
import type { Scope } from '../scope';
import { placeBoxes, subtreeBoxIds } from '../tree';

/**
 * The boxes a report shows one section for: for the whole transformation, the boxes directly below it (e.g. the
 * workstreams); for a project, the project's top boxes (the scope roots).
 */
export function sectionBoxes(model: TransformationModel, scope: Scope): Box[] {
  const wholeTransformation = scope.rootIds.length === 1 && scope.rootIds[0] === model.rootId;
  const ids = wholeTransformation ? (boxById(model, model.rootId)?.childIds ?? []).filter((id) => scope.boxIds.has(id)) : scope.rootIds;
  return ids.map((id) => boxById(model, id)).filter((box): box is Box => box !== undefined);
}

/** The section each box belongs to (the section box itself, and every box below it). */
export function sectionOfBoxes(model: TransformationModel, sections: readonly Box[]): Map<string, string> {
  const sectionOf = new Map<string, string>();
  for (const section of sections) {
    for (const id of subtreeBoxIds(model, section.id)) if (!sectionOf.has(id)) sectionOf.set(id, section.id);
  }
  return sectionOf;
}

/**
 * The initiatives: the boxes in scope of the box types that carry stage gates, i.e. every box type with at least
 * one box (anywhere in the model) whose stage gate field is not empty; when no box has a gate, the box type with
 * id 'initiative'. In tree order. Only boxes with their own Jira issue (not the root, not project boxes).
 */
export function initiativeBoxes(model: TransformationModel, scope: Scope): Box[] {
  const gatedTypes = new Set<string>();
  for (const box of Object.values(model.boxes)) {
    const item = itemByKey(model, box.id);
    if (item !== undefined && box.id !== model.rootId && fieldText(item.fields?.stageGate) !== null) gatedTypes.add(box.typeId);
  }
  if (gatedTypes.size === 0) gatedTypes.add(INITIATIVE_TYPE_ID);
  return placeBoxes(model, (id) => scope.boxIds.has(id))
    .map(({ box }) => box)
    .filter((box) => gatedTypes.has(box.typeId) && box.id !== model.rootId && itemByKey(model, box.id) !== undefined);
}

/** The box type whose boxes are the initiatives when no box carries a stage gate. */
export const INITIATIVE_TYPE_ID = 'initiative';
