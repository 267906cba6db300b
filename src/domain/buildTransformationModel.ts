import type { Box, TransformationConfig, TransformationModel, WorkItem } from './model';
import { resolveBoxTypes } from './boxTypes';
import { conversionRules, countTeamsConverted } from './conversion';
import type { TeamConversion } from './conversion';
import { deriveBoxDates, readDates } from './dates';
import type { DateSpan } from './dates';
import { findIssueBoxes, findProjectBoxes, ownEntry, readJqlMatches } from './boxFinding';
import type { JqlMatches } from './boxFinding';
import { buildHierarchy } from './hierarchy';
import type { BoxNode } from './hierarchy';
import { indexIssues, ROOT_ID } from './issues';
import { checkStatusCategory, countsTowardProgress, readManualPercent, readMeasure } from './measures';
import type { Measure } from './measures';
import { resolveParentLinks } from './parentLinks';
import { checkRiskLevels } from './riskLevels';
import { emptyAmounts, measureProgress } from './progress';
import { sumOwnItems } from './ownItems';
import type { WarningSink } from './warnings';

const NO_PROGRESS = { ratio: 0, done: 0, total: 0 } as const;
const NO_TEAMS = { converted: 0, total: 0, ratio: 0 } as const;

export interface BuildModelOptions {
  /** When the data was read (ISO 8601); becomes the model's readAt. */
  now: string;
  /**
   * Per box type id of a jql box type, the keys of the issues its JQL matched, as the Jira adapter ran it.
   * A jql box type without an entry has no boxes (with a warning); keys of issues not read are ignored.
   */
  jqlMatches?: JqlMatches;
  /** Jira project names by project key, to name project boxes; a project without one is named by its key. */
  projectNames?: Readonly<Record<string, string>>;
}

/**
 * The transformation as boxes with progress, dates and teams converted, from the issues read
 * from Jira. Never throws on bad data: every problem becomes a warning in the model.
 */
export function buildTransformationModel(items: WorkItem[], config: TransformationConfig, options: BuildModelOptions): TransformationModel {
  const sink: WarningSink = [];
  const catalog = resolveBoxTypes(config, sink);
  const conversion = conversionRules(config, catalog, sink);
  const jqlMatches = readJqlMatches(catalog, options.jqlMatches, sink);
  const byKey = indexIssues(items, sink);
  const links = resolveParentLinks(byKey, sink);
  const boxTypeByKey = findIssueBoxes(byKey, links, catalog, config, jqlMatches);
  const hierarchy = buildHierarchy(byKey, links, catalog, boxTypeByKey, findProjectBoxes(byKey, catalog), sink);
  const boxName = (node: BoxNode): string => {
    if (node.issue !== null) return String(node.issue.summary ?? '');
    if (node.projectKey === null) return String(config.name ?? '');
    const name = ownEntry(options.projectNames, node.projectKey);
    return typeof name === 'string' && name.trim() !== '' ? name : node.projectKey;
  };

  const measures = new Map<string, Measure>();
  const ownDates = new Map<string, DateSpan>();
  const teams = new Map<string, TeamConversion>();
  const manualPercents = new Map<string, number | null>();
  for (const [key, item] of byKey) {
    checkStatusCategory(key, item, sink);
    const box = hierarchy.boxes.get(key);
    if (box === undefined) {
      if (!countsTowardProgress(item, config)) {
        checkRiskLevels(key, item, config, sink);
        continue;
      }
      measures.set(key, readMeasure(key, item, config, sink));
      ownDates.set(key, readDates(key, item, config.fieldMapping, sink));
      continue;
    }
    ownDates.set(key, readDates(key, item, config.fieldMapping, sink));
    if (box.type.progressMethod === 'manual') manualPercents.set(key, readManualPercent(key, item, config, sink));
    if (conversion.isTeamType(box.type.id)) teams.set(key, conversion.readTeam(key, item));
  }

  const own = sumOwnItems(hierarchy, measures, ownDates);
  const progress = measureProgress({ hierarchy, ownAmounts: (id) => own.get(id)?.amounts, manualPercent: (id) => manualPercents.get(id) ?? null });
  const dates = deriveBoxDates(hierarchy, ownDates, new Map([...own].map(([id, sums]) => [id, sums.span])));
  const teamsConverted = countTeamsConverted(hierarchy, teams);

  const boxes: Array<[string, Box]> = hierarchy.topDown.flatMap((id): Array<[string, Box]> => {
    const node = hierarchy.boxes.get(id);
    if (node === undefined) return [];
    const team = teams.get(id);
    const box: Box = {
      id,
      typeId: node.type.id,
      name: boxName(node),
      projectKey: node.issue === null ? node.projectKey : (node.issue.projectKey ?? null),
      parentId: node.parentId,
      childIds: node.childIds,
      itemKeys: node.itemKeys,
      progress: progress.get(id)?.progress ?? { method: node.type.progressMethod, ...NO_PROGRESS },
      amounts: progress.get(id)?.amounts ?? emptyAmounts(),
      startDate: dates.get(id)?.startDate ?? null,
      dueDate: dates.get(id)?.dueDate ?? null,
      conversionStage: team?.conversionStage ?? null,
      converted: team?.converted ?? null,
      teamsConverted: teamsConverted.get(id) ?? { ...NO_TEAMS },
    };
    return [[id, box]];
  });

  return {
    name: String(config.name ?? ''),
    rootId: ROOT_ID,
    boxes: Object.fromEntries(boxes),
    items: Object.fromEntries(byKey),
    warnings: sink,
    readAt: options.now,
  };
}
