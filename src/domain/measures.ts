import type { FieldConcept, StatusCategory, TransformationConfig, WorkItem } from './model';
import { sameName } from './names';
import { parseNumber } from './parseNumber';
import { isMissing } from './rawValue';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** What one work item adds to progress: whether it is done, and its size in each unit. */
export interface Measure {
  done: boolean;
  points: number;
  seconds: number;
}

const STATUS_CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** Risks are tracked, not delivered: every other work item (milestones too) counts toward progress. */
export function countsTowardProgress(item: WorkItem, config: TransformationConfig): boolean {
  const riskTypes = Array.isArray(config.riskIssueTypes) ? config.riskIssueTypes : [];
  return !riskTypes.some((riskType) => sameName(riskType, item.issueType));
}

/** Warns when Jira's status category is not one we know; such an issue counts as not done. */
export function checkStatusCategory(key: string, item: WorkItem, sink: WarningSink): void {
  if (!STATUS_CATEGORIES.includes(item.statusCategory as StatusCategory)) {
    sink.push(warn.unknownStatusCategory(key, String(item.status ?? '')));
  }
}

/** Larger sizes are nonsense and, summed, could overflow to Infinity. */
const MAX_SIZE = Number.MAX_SAFE_INTEGER;

/** A size that is absent counts as 0 silently; one that is present but not a number ≥ 0 counts as 0 with a warning. */
function readSize(key: string, item: WorkItem, concept: FieldConcept, config: TransformationConfig, sink: WarningSink): number {
  const raw = item.fields?.[concept];
  if (isMissing(raw)) return 0;
  const size = parseNumber(raw);
  if (size === null) {
    sink.push(warn.invalidNumber(key, config.fieldMapping, concept, raw, 'a number'));
    return 0;
  }
  if (size < 0 || size > MAX_SIZE) {
    sink.push(warn.invalidNumber(key, config.fieldMapping, concept, raw, `a number from 0 to ${MAX_SIZE}`));
    return 0;
  }
  return size;
}

export function readMeasure(key: string, item: WorkItem, config: TransformationConfig, sink: WarningSink): Measure {
  return {
    done: item.statusCategory === 'done',
    points: readSize(key, item, 'storyPoints', config, sink),
    seconds: readSize(key, item, 'originalEstimate', config, sink),
  };
}

const PERCENT_SIGN = /\s*%$/;

/**
 * A manual box's own progress in percent (0..100), read from its issue; "45 %" is accepted.
 * null when the field is empty (nothing to measure); 0 with a warning when it is not a number in 0..100.
 */
export function readManualPercent(key: string, item: WorkItem, config: TransformationConfig, sink: WarningSink): number | null {
  const raw = item.fields?.manualProgress;
  if (isMissing(raw)) return null;
  const percent = parseNumber(typeof raw === 'string' ? raw.trim().replace(PERCENT_SIGN, '') : raw);
  if (percent === null) {
    sink.push(warn.invalidNumber(key, config.fieldMapping, 'manualProgress', raw, 'a percentage'));
    return 0;
  }
  if (percent < 0 || percent > 100) {
    sink.push(warn.outOfRange(key, config.fieldMapping, 'manualProgress', percent, '0–100'));
    return 0;
  }
  return percent;
}
