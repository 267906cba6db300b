import type { Progress, TeamsConverted, TransformationModel } from './model';

export interface TeamsConvertedRow {
  boxId: string;
  name: string;
  teamsConverted: TeamsConverted;
  progress: Progress;
}

/** One row per box of the given type (e.g. per workstream), in tree order from the top. */
export function teamsConvertedByParent(model: TransformationModel, parentTypeId: string): TeamsConvertedRow[] {
  const rows: TeamsConvertedRow[] = [];
  const stack: string[] = [model.rootId];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const box = Object.prototype.hasOwnProperty.call(model.boxes, id) ? model.boxes[id] : undefined;
    if (box === undefined || visited.has(id)) continue;
    visited.add(id);
    if (box.typeId === parentTypeId) rows.push({ boxId: box.id, name: box.name, teamsConverted: box.teamsConverted, progress: box.progress });
    for (let index = box.childIds.length - 1; index >= 0; index -= 1) stack.push(box.childIds[index] as string);
  }
  return rows;
}
