/** What a row's conversion stage looks like. No React here. */
import type { TeamRowDto } from '../../../../src/contract';

export type StageAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved';

/** Team rows are the ones that carry a converted flag; the boxes above them have none. */
export const isTeamRow = (row: TeamRowDto): boolean => row.converted !== null;

/**
 * A team's stage lozenge: converted (target stage or later) is green, a stage before it blue, the first stage grey,
 * a stage the settings do not know yellow, and no stage at all red ("No stage": a data problem). Null for non-team rows.
 */
export function stageLozenge(row: TeamRowDto, stages: readonly string[], targetStage: string): { text: string; appearance: StageAppearance } | null {
  if (!isTeamRow(row)) return null;
  if (row.stage === null) return { text: 'No stage', appearance: 'removed' };
  const index = stages.indexOf(row.stage);
  const target = stages.indexOf(targetStage);
  if (row.converted === true || (index >= 0 && target >= 0 && index >= target)) return { text: row.stage, appearance: 'success' };
  if (index < 0) return { text: row.stage, appearance: 'moved' };
  return { text: row.stage, appearance: index === 0 ? 'default' : 'inprogress' };
}

/** "3 of 5" */
export const convertedText = (row: TeamRowDto): string => `${row.teamsConverted.converted} of ${row.teamsConverted.total}`;

/** Teams converted today across the team rows (each team counted once). */
export function teamsToday(rows: readonly TeamRowDto[]): { converted: number; total: number; ratio: number } {
  const teams = new Map(rows.filter(isTeamRow).map((row) => [row.id, row.converted === true]));
  const converted = [...teams.values()].filter(Boolean).length;
  return { converted, total: teams.size, ratio: teams.size === 0 ? 0 : converted / teams.size };
}
