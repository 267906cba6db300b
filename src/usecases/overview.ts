import { formatPercent, type Box, type TransformationConfig, type TransformationModel } from '../domain';
import type { BoxSummaryDto, OverviewDto, WarningDto } from '../contract';

/** Enough warnings to act on without sending a megabyte to the page. */
const MAX_WARNINGS = 200;

function summary(box: Box, config: TransformationConfig): BoxSummaryDto {
  return {
    id: box.id,
    name: box.name,
    typeName: config.boxTypes.find((t) => t.id === box.typeId)?.name ?? box.typeId,
    progress: { method: box.progress.method, ratio: box.progress.ratio, percentText: formatPercent(box.progress.ratio) },
    teamsConverted: { ...box.teamsConverted, percentText: formatPercent(box.teamsConverted.ratio) },
  };
}

/** The top row and the first level of boxes, for the whole transformation. */
export function toOverviewDto(model: TransformationModel, config: TransformationConfig, scopeProjectKey: string | null): OverviewDto {
  const root = model.boxes[model.rootId];
  if (!root) throw new Error('The model has no root box');
  const children = root.childIds.map((id) => model.boxes[id]).filter((b): b is Box => b !== undefined);
  const childType = config.boxTypes.find((t) => t.parentTypeId === root.typeId);
  const warnings: WarningDto[] = model.warnings.slice(0, MAX_WARNINGS).map(({ code, issueKey, field, message }) => ({ code, issueKey, field, message }));
  const top = summary(root, config);
  return {
    transformationName: model.name,
    readAt: model.readAt,
    scopeProjectKey,
    progress: top.progress,
    teamsConverted: top.teamsConverted,
    children: children.map((b) => summary(b, config)),
    childTypeName: childType?.name ?? 'Box',
    issueCount: Object.keys(model.items).length,
    warnings,
    warningCount: model.warnings.length,
  };
}
