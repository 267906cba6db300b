import { conversionHistory, targetRatioOf, teamRows, type TeamRow, type TransformationConfig, type TransformationModel } from '../domain';
import type { TeamsConvertedPanelDto } from '../contract';
import { fetchFieldChanges, type JiraFieldChange } from '../jira/changelog';
import type { JiraApi } from '../jira/jiraHttp';
import type { ScopedRead } from './readScope';

const HISTORY_MONTHS = 12;

function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** A team box of the panel's rows, with what its conversion history starts from. */
export interface TeamBoxRef {
  key: string;
  /** Jira's issue id, whose changelog holds the team's stage changes. */
  issueId: string | null;
  created: string | null;
  currentStage: string | null;
}

/** The rows of the scope (tree order) and its team boxes. */
export function teamsOfScope(model: TransformationModel, config: TransformationConfig, scope: ScopedRead['scope'], issueIds: ReadonlyMap<string, string>): { rows: TeamRow[]; teams: TeamBoxRef[] } {
  const rows = teamRows(model, config, scope);
  const teams = rows
    .filter((r) => r.key !== null && model.boxes[r.id]?.typeId === config.conversion.teamBoxTypeId)
    .map((t) => ({ key: t.id, issueId: issueIds.get(t.id) ?? null, created: model.items[t.id]?.created ?? null, currentStage: t.stage }));
  return { rows, teams };
}

/** The panel from its rows, its teams and their stage changes (null when they could not be read: today's stages only). */
export function teamsAnswer(config: TransformationConfig, rows: TeamRow[], teams: readonly TeamBoxRef[], changes: readonly JiraFieldChange[] | null, today: string): TeamsConvertedPanelDto {
  const keyById = new Map(teams.map((t) => [t.issueId, t.key]));
  const stageChanges = (changes ?? []).flatMap((c) => {
    const teamKey = keyById.get(c.issueId);
    return teamKey ? [{ teamKey, at: c.at, fromStage: c.fromString, toStage: c.toString }] : [];
  });
  return {
    stages: config.conversion.stages,
    targetStage: config.conversion.targetStage,
    targetRatio: targetRatioOf(config),
    rows,
    history: conversionHistory({
      teams: teams.map(({ key, created, currentStage }) => ({ key, created, currentStage })),
      stageChanges,
      stages: config.conversion.stages,
      targetStage: config.conversion.targetStage,
      from: monthsBefore(today, HISTORY_MONTHS),
      to: today,
    }),
    historySource: changes ? 'changelog' : 'currentOnly',
  };
}

/** The team boxes' issue ids whose changelogs hold the history, or none (no stage field mapped, or no team with an issue). */
export const teamIssueIds = (teams: readonly TeamBoxRef[]): string[] => teams.map((t) => t.issueId).filter((id): id is string => id !== null);

/** Teams converted per box, and over time from the conversion stage's history in Jira's changelog. */
export async function teamsPanel(jira: JiraApi, read: ScopedRead, config: TransformationConfig): Promise<TeamsConvertedPanelDto> {
  const { rows, teams } = teamsOfScope(read.model, config, read.scope, read.issueIds);
  const stageFieldId = read.fieldIds.conversionStage;
  const ids = teamIssueIds(teams);
  const history = stageFieldId && ids.length > 0 ? await fetchFieldChanges(jira, ids, [stageFieldId]) : null;
  return teamsAnswer(config, rows, teams, history?.changes ?? null, read.today);
}
