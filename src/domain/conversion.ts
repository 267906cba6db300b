import type { RawFieldValue, TeamsConverted, TransformationConfig, WorkItem } from './model';
import type { BoxTypeCatalog } from './boxTypes';
import type { Hierarchy } from './hierarchy';
import { normaliseName } from './names';
import { isMissing } from './rawValue';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** A team box's conversion: the stage as configured (null when missing or unknown) and whether it counts. */
export interface TeamConversion {
  conversionStage: string | null;
  converted: boolean;
}

export interface ConversionRules {
  isTeamType(typeId: string): boolean;
  readTeam(key: string, item: WorkItem): TeamConversion;
}

function stageIndex(stages: readonly string[], value: RawFieldValue | undefined): number {
  const wanted = normaliseName(value);
  return wanted === '' ? -1 : stages.findIndex((stage) => normaliseName(stage) === wanted);
}

/** The share of teams the transformation aims to convert when the configuration does not say. */
export const DEFAULT_TARGET_RATIO = 0.8;

/**
 * The share of teams (0..1) the transformation aims to convert: `conversion.targetRatio` when it is a
 * number from 0 to 1, else DEFAULT_TARGET_RATIO (absent, or not a usable number in stored data).
 */
export function targetRatioOf(config: TransformationConfig): number {
  const ratio: unknown = config?.conversion?.targetRatio;
  return typeof ratio === 'number' && Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : DEFAULT_TARGET_RATIO;
}

/** Reads the conversion settings once, warning about settings that cannot work. */
export function conversionRules(config: TransformationConfig, catalog: BoxTypeCatalog, sink: WarningSink): ConversionRules {
  const conversion = config.conversion;
  const teamTypeId = conversion?.teamBoxTypeId;
  const stages = Array.isArray(conversion?.stages) ? conversion.stages.filter((stage): stage is string => typeof stage === 'string') : [];
  const teamType = typeof teamTypeId === 'string' ? catalog.byId.get(teamTypeId) : undefined;
  if (teamType === undefined) {
    sink.push(warn.invalidConfig('conversion.teamBoxTypeId', `the team box type "${String(teamTypeId)}" does not exist, so no teams are counted`));
  } else if (teamType.source.kind === 'project') {
    sink.push(warn.invalidConfig('conversion.teamBoxTypeId', `the team box type "${teamType.name}" makes one box per Jira project, which has no issue to read a conversion stage from, so no teams are counted`));
  }
  const targetIndex = stageIndex(stages, conversion?.targetStage);
  if (targetIndex < 0) {
    sink.push(warn.invalidConfig('conversion.targetStage', `the target stage "${String(conversion?.targetStage)}" is not one of the stages, so no team counts as converted`));
  }
  return {
    isTeamType: (typeId) => typeId === teamTypeId,
    readTeam: (key, item) => {
      const raw = item.fields?.conversionStage;
      if (isMissing(raw)) {
        sink.push(warn.missingStage(key, config.fieldMapping));
        return { conversionStage: null, converted: false };
      }
      const index = typeof raw === 'string' ? stageIndex(stages, raw) : -1;
      const stage = stages[index];
      if (stage === undefined) {
        sink.push(warn.unknownStage(key, config.fieldMapping, raw, stages));
        return { conversionStage: null, converted: false };
      }
      return { conversionStage: stage, converted: targetIndex >= 0 && index >= targetIndex };
    },
  };
}

/** Teams converted among the team boxes at or below each box; children before parents. */
export function countTeamsConverted(hierarchy: Hierarchy, teams: ReadonlyMap<string, TeamConversion>): Map<string, TeamsConverted> {
  const counts = new Map<string, TeamsConverted>();
  for (let index = hierarchy.topDown.length - 1; index >= 0; index -= 1) {
    const id = hierarchy.topDown[index] as string;
    const team = teams.get(id);
    let converted = team?.converted === true ? 1 : 0;
    let total = team === undefined ? 0 : 1;
    for (const childId of hierarchy.boxes.get(id)?.childIds ?? []) {
      const child = counts.get(childId);
      converted += child?.converted ?? 0;
      total += child?.total ?? 0;
    }
    counts.set(id, { converted, total, ratio: total > 0 ? converted / total : 0 });
  }
  return counts;
}
