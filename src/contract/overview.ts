/** What the pages get to draw the transformation's top row and teams converted. Plain JSON. */

export type ProgressMethodDto = 'issueCount' | 'storyPoints' | 'originalEstimate' | 'manual';

export interface WarningDto {
  code: string;
  issueKey: string | null;
  field: string | null;
  message: string;
}

export interface TeamsConvertedDto {
  converted: number;
  total: number;
  ratio: number;
  /** e.g. "10.2 %" */
  percentText: string;
}

export interface ProgressDto {
  method: ProgressMethodDto;
  ratio: number;
  percentText: string;
}

export interface BoxSummaryDto {
  id: string;
  name: string;
  typeName: string;
  progress: ProgressDto;
  teamsConverted: TeamsConvertedDto;
}

export interface OverviewDto {
  transformationName: string;
  /** ISO 8601: when Jira was read. */
  readAt: string;
  /** The Jira project the page is scoped to, or null for the whole transformation. */
  scopeProjectKey: string | null;
  progress: ProgressDto;
  teamsConverted: TeamsConvertedDto;
  /** The boxes one level below the top, e.g. workstreams. */
  children: BoxSummaryDto[];
  childTypeName: string;
  issueCount: number;
  warnings: WarningDto[];
  /** How many warnings there were in all (the list may be cut short). */
  warningCount: number;
}

export const OVERVIEW_KEY = 'overview/get';
