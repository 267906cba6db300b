import type { TransformationConfig, TransformationModel } from './model';
import { boxKey, boxTypeNamer } from './lookup';
import type { Scope } from './scope';
import { placeBoxes } from './tree';
import { progressSummary, teamsConvertedSummary } from './views';
import type { ProgressSummary, TeamsConvertedSummary } from './views';

export { conversionHistory } from './conversionHistory';
export type { ConversionHistoryInput, ConversionPoint } from './conversionHistory';

export interface TeamRow {
  id: string;
  key: string | null;
  name: string;
  typeName: string;
  /** The nearest box above that is a row too; null at the top of the scope. */
  parentId: string | null;
  depth: number;
  stage: string | null;
  converted: boolean | null;
  progress: ProgressSummary;
  teamsConverted: TeamsConvertedSummary;
}

/** The boxes in scope in tree order, depth counted from the scope's top (0). */
export function teamRows(model: TransformationModel, config: TransformationConfig, scope: Scope): TeamRow[] {
  const typeName = boxTypeNamer(config);
  return placeBoxes(model, (id) => scope.boxIds.has(id)).map(({ box, parentRowId, depth }) => ({
    id: box.id,
    key: boxKey(model, box),
    name: box.name,
    typeName: typeName(box.typeId),
    parentId: parentRowId,
    depth,
    stage: box.conversionStage,
    converted: box.converted,
    progress: progressSummary(box.progress),
    teamsConverted: teamsConvertedSummary(box.teamsConverted),
  }));
}
