/** Words the settings page shows for the configuration's codes, and small text helpers. No React here. */
import type { FieldConceptDto, FieldKindDto, PanelKey, ProgressMethodDto, RiskBandDto } from '../../../../src/contract';

/** Every panel a box type can switch on, in the order the pages show them. */
export const PANELS: readonly PanelKey[] = ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'];

export const PANEL_LABELS: Record<PanelKey, string> = {
  roadmap: 'Roadmap',
  riskMatrix: 'Risk matrix',
  teamsConverted: 'Teams converted',
  backlog: 'Backlog',
  reports: 'Reports',
};

export const PROGRESS_METHODS: readonly ProgressMethodDto[] = ['issueCount', 'storyPoints', 'originalEstimate', 'manual'];

export const PROGRESS_LABELS: Record<ProgressMethodDto, string> = {
  issueCount: 'Issue count (done / all)',
  storyPoints: 'Story points',
  originalEstimate: 'Original estimate',
  manual: 'Manual %',
};

export const CONCEPT_LABELS: Record<FieldConceptDto, string> = {
  startDate: 'Start date',
  dueDate: 'Due date',
  storyPoints: 'Story points',
  originalEstimate: 'Original estimate',
  conversionStage: 'Conversion stage',
  riskLikelihood: 'Risk likelihood',
  riskImpact: 'Risk impact',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  mitigation: 'Mitigation',
  targetValue: 'Target value',
  realisedValue: 'Realised value',
  stageGate: 'Stage gate',
  sponsor: 'Sponsor',
  manualProgress: 'Manual progress',
  flagged: 'Flagged',
};

export const KIND_LABELS: Record<FieldKindDto, string> = {
  date: 'date',
  number: 'number',
  option: 'single option',
  user: 'user',
  text: 'text',
  options: 'multiple options',
};

export const BAND_NAMES: readonly RiskBandDto[] = ['low', 'medium', 'high', 'critical'];
export const BAND_LABELS: Record<RiskBandDto, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** The Atlaskit background tokens a risk band may use. */
export const BAND_COLORS: readonly { token: string; label: string }[] = [
  { token: 'color.background.success', label: 'Green' },
  { token: 'color.background.success.bold', label: 'Green (bold)' },
  { token: 'color.background.warning', label: 'Yellow' },
  { token: 'color.background.warning.bold', label: 'Yellow (bold)' },
  { token: 'color.background.danger', label: 'Red' },
  { token: 'color.background.danger.bold', label: 'Red (bold)' },
  { token: 'color.background.discovery', label: 'Purple' },
  { token: 'color.background.discovery.bold', label: 'Purple (bold)' },
  { token: 'color.background.neutral', label: 'Grey' },
];

export const DEFAULT_BAND_COLOR: Record<RiskBandDto, string> = {
  low: 'color.background.success',
  medium: 'color.background.warning',
  high: 'color.background.danger',
  critical: 'color.background.danger.bold',
};

/** "PAY, ops ,, PAY" → ["PAY", "ops"]: trimmed, empty and repeated (case-insensitively) entries dropped. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const value = part.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

export const listText = (values: readonly string[] | undefined): string => (values ?? []).join(', ');

/** "1 issue" / "1,204 issues" */
export const issueCountText = (count: number): string => `${count.toLocaleString('en-US')} ${count === 1 ? 'issue' : 'issues'}`;

/** "14 Jan 2026, 09:30 UTC" for an ISO time; the text itself when it does not read as a date. */
export function savedAtText(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()] ?? '';
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** 0.8 → "80"; undefined → "" (the default applies). */
export const percentText = (ratio: number | undefined): string => (ratio === undefined ? '' : String(Math.round(ratio * 10000) / 100));

/** "80" or "80 %" → 0.8; "" → undefined (use the default); null when it is not a percentage from 0 to 100. */
export function readPercent(text: string): number | undefined | null {
  const trimmed = text.replace('%', '').replace(',', '.').trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 100 ? Math.round(value * 100) / 10000 : null;
}
