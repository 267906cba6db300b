import type { Box, TransformationConfig, TransformationModel, WorkItem } from './model';
import { sameName } from './names';

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** The box with this id; safe for ids such as "__proto__". */
export function boxById(model: TransformationModel, id: string): Box | undefined {
  return hasOwn(model.boxes, id) ? model.boxes[id] : undefined;
}

/** The issue with this key; safe for keys such as "__proto__". */
export function itemByKey(model: TransformationModel, key: string): WorkItem | undefined {
  return hasOwn(model.items, key) ? model.items[key] : undefined;
}

/** The box each work item sits in directly (its nearest box up the parent links). */
export function containerOfItems(model: TransformationModel): Map<string, string> {
  const containerOf = new Map<string, string>();
  for (const box of Object.values(model.boxes)) {
    for (const key of box.itemKeys) containerOf.set(key, box.id);
  }
  return containerOf;
}

/** Box type names by id; a type the configuration does not name shows its id. */
export function boxTypeNamer(config: TransformationConfig): (typeId: string) => string {
  const names = new Map<string, string>();
  for (const type of Array.isArray(config.boxTypes) ? config.boxTypes : []) {
    if (!names.has(type.id)) names.set(type.id, String(type.name ?? type.id));
  }
  return (typeId) => names.get(typeId) ?? typeId;
}

/** Matches an issue's type against configured type names; answers are remembered per distinct type text. */
function typeMatcher(issueTypes: unknown): (item: WorkItem) => boolean {
  const types = Array.isArray(issueTypes) ? issueTypes : [];
  const answers = new Map<unknown, boolean>();
  return (item) => {
    let answer = answers.get(item.issueType);
    if (answer === undefined) {
      answer = types.some((type) => sameName(type, item.issueType));
      answers.set(item.issueType, answer);
    }
    return answer;
  };
}

export function riskMatcher(config: TransformationConfig): (item: WorkItem) => boolean {
  return typeMatcher(config.riskIssueTypes);
}

export function milestoneMatcher(config: TransformationConfig): (item: WorkItem) => boolean {
  return typeMatcher(config.milestoneIssueTypes);
}

/** The box's Jira issue key, or null for a box without an issue: the root box and project boxes. */
export function boxKey(model: TransformationModel, box: Box): string | null {
  return box.id === model.rootId || itemByKey(model, box.id) === undefined ? null : box.id;
}
