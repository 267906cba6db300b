/** Shapes several answers share. */

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
