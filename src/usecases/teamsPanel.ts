import { conversionHistory, targetRatioOf, teamRows, type TransformationConfig } from '../domain';
import type { TeamsConvertedPanelDto } from '../contract';
import { fetchFieldChanges } from '../jira/changelog';
import type { JiraApi } from '../jira/jiraHttp';
import type { ScopedRead } from './readScope';

const HISTORY_MONTHS = 12;

function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/** Teams converted per box, and over time from the conversion stage's history in Jira's changelog. */
export async function teamsPanel(jira: JiraApi, read: ScopedRead, config: TransformationConfig): Promise<TeamsConvertedPanelDto> {
  const { model, scope } = read;
  const rows = teamRows(model, config, scope);
  const teamBoxes = rows.filter((r) => r.key !== null && model.boxes[r.id]?.typeId === config.conversion.teamBoxTypeId);
  const stageFieldId = read.fieldIds.conversionStage;
  const ids = teamBoxes.map((t) => read.issueIds.get(t.id)).filter((id): id is string => id !== undefined);
  const keyById = new Map(teamBoxes.map((t) => [read.issueIds.get(t.id), t.id]));
  const history = stageFieldId && ids.length > 0 ? await fetchFieldChanges(jira, ids, [stageFieldId]) : null;
  const stageChanges = (history?.changes ?? []).flatMap((c) => {
    const teamKey = keyById.get(c.issueId);
    return teamKey ? [{ teamKey, at: c.at, fromStage: c.fromString, toStage: c.toString }] : [];
  });
  return {
    stages: config.conversion.stages,
    targetStage: config.conversion.targetStage,
    targetRatio: targetRatioOf(config),
    rows,
    history: conversionHistory({
      teams: teamBoxes.map((t) => ({ key: t.id, created: model.items[t.id]?.created ?? null, currentStage: t.stage })),
      stageChanges,
      stages: config.conversion.stages,
      targetStage: config.conversion.targetStage,
      from: monthsBefore(read.today, HISTORY_MONTHS),
      to: read.today,
    }),
    historySource: history ? 'changelog' : 'currentOnly',
  };
}
