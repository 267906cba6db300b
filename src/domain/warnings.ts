import type { DataQualityWarning, FieldConcept, FieldMapping, RawFieldValue } from './model';
import { describeValue } from './rawValue';

/** Where warnings are collected while the model is built: data, never thrown. */
export type WarningSink = DataQualityWarning[];

/** The Jira field name of a concept as people know it, e.g. "Story point estimate". */
function fieldLabel(mapping: FieldMapping, concept: FieldConcept): string {
  const name: unknown = mapping?.[concept];
  return typeof name === 'string' && name.trim() !== '' ? name : concept;
}

export const warn = {
  duplicateKey(key: string): DataQualityWarning {
    return { code: 'duplicateKey', issueKey: key, field: 'key', message: `${key}: the issue was read more than once; the first copy is used` };
  },
  keyIsReserved(key: string): DataQualityWarning {
    return { code: 'duplicateKey', issueKey: key, field: 'key', message: `${key}: the key is the transformation's own id, so the issue is left out` };
  },
  parentNotFound(key: string, parentKey: string): DataQualityWarning {
    return { code: 'parentNotFound', issueKey: key, field: 'parent', message: `${key}: parent ${parentKey} was not found, so the link is ignored` };
  },
  parentCycle(key: string, parentKey: string, cycleLength: number): DataQualityWarning {
    const cycle = cycleLength === 1 ? 'is its own parent' : `closes a loop of ${cycleLength} issues through parent ${parentKey}`;
    return { code: 'parentCycle', issueKey: key, field: 'parent', message: `${key}: ${cycle}, so this parent link is ignored` };
  },
  orphanBox(key: string, typeName: string, parentTypeName: string): DataQualityWarning {
    return {
      code: 'orphanBox',
      issueKey: key,
      field: 'parent',
      message: `${key}: this ${typeName} is not under any ${parentTypeName}, so it is shown directly under the transformation`,
    };
  },
  /** A project box has no issue, so the warning is on none: it is about the configuration placing it. */
  projectBoxNotUnderRoot(projectKey: string, typeName: string, parentTypeName: string): DataQualityWarning {
    return {
      code: 'orphanBox',
      issueKey: null,
      field: 'parent',
      message: `Project ${projectKey}: a ${typeName} box can only sit directly under the transformation for now, not under a ${parentTypeName}, so it is shown directly under the transformation`,
    };
  },
  unknownStatusCategory(key: string, status: string): DataQualityWarning {
    return {
      code: 'unknownStatusCategory',
      issueKey: key,
      field: 'status',
      message: `${key}: status ${describeValue(status)} has no known status category, so the issue counts as not done`,
    };
  },
  invalidNumber(key: string, mapping: FieldMapping, concept: FieldConcept, value: RawFieldValue, expected: string): DataQualityWarning {
    return {
      code: 'invalidNumber',
      issueKey: key,
      field: concept,
      message: `${key}: "${fieldLabel(mapping, concept)}" has ${describeValue(value)}, which is not ${expected}`,
    };
  },
  outOfRange(key: string, mapping: FieldMapping, concept: FieldConcept, value: number, range: string): DataQualityWarning {
    return {
      code: 'unexpectedFieldValue',
      issueKey: key,
      field: concept,
      message: `${key}: "${fieldLabel(mapping, concept)}" has ${value}, which is outside ${range}, so 0 is used`,
    };
  },
  invalidDate(key: string, mapping: FieldMapping, concept: FieldConcept, value: RawFieldValue): DataQualityWarning {
    return {
      code: 'invalidDate',
      issueKey: key,
      field: concept,
      message: `${key}: "${fieldLabel(mapping, concept)}" has ${describeValue(value)}, which is not a valid date`,
    };
  },
  dueBeforeStart(key: string, startDate: string, dueDate: string): DataQualityWarning {
    return { code: 'dueBeforeStart', issueKey: key, field: 'dueDate', message: `${key}: due date ${dueDate} is before start date ${startDate}` };
  },
  unknownStage(key: string, mapping: FieldMapping, value: RawFieldValue, stages: readonly string[]): DataQualityWarning {
    return {
      code: 'unknownStage',
      issueKey: key,
      field: 'conversionStage',
      message: `${key}: "${fieldLabel(mapping, 'conversionStage')}" has ${describeValue(value)}, which is none of ${stages.map((s) => `"${s}"`).join(', ')}, so the team counts as not converted`,
    };
  },
  invalidRiskLevel(key: string, mapping: FieldMapping, concept: FieldConcept, value: RawFieldValue, labels: readonly string[]): DataQualityWarning {
    const named = labels.length === 0 ? '' : ` or one of ${labels.map((label) => `"${label}"`).join(', ')}`;
    return {
      code: 'invalidRiskLevel',
      issueKey: key,
      field: concept,
      message: `${key}: "${fieldLabel(mapping, concept)}" has ${describeValue(value)}, which is not a level from 1 to 5${named}, so the risk is not scored on it`,
    };
  },
  missingStage(key: string, mapping: FieldMapping): DataQualityWarning {
    return {
      code: 'missingStage',
      issueKey: key,
      field: 'conversionStage',
      message: `${key}: "${fieldLabel(mapping, 'conversionStage')}" is empty, so the team counts as not converted`,
    };
  },
  notInBox(key: string): DataQualityWarning {
    return {
      code: 'notInBox',
      issueKey: key,
      field: 'parent',
      message: `${key}: is in no box (no parent link leads to one), so it counts in Issues read and in the transformation's progress, but in no box's progress and no Late count`,
    };
  },
  inOtherProjectsBox(key: string, boxId: string): DataQualityWarning {
    return {
      code: 'notInBox',
      issueKey: key,
      field: 'parent',
      message: `${key}: sits in ${boxId}, a box of another project above this page's boxes, so it counts in Issues read and in ${boxId}'s figures, not in this page's progress or Late count`,
    };
  },
  doneWithOpenWork(key: string, percentText: string): DataQualityWarning {
    return {
      code: 'doneWithOpenWork',
      issueKey: key,
      field: 'status',
      message: `${key}: its status is done, but only ${percentText} of its work is done; it counts as done in the Late count`,
    };
  },
  invalidConfig(field: string, message: string): DataQualityWarning {
    return { code: 'invalidConfig', issueKey: null, field, message: `Configuration: ${message}` };
  },
};
