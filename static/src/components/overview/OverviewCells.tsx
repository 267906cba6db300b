import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { OpenRisksDto, OverviewRowDto, ScheduleStatusDto } from '../../../../src/contract';
import { scheduleText } from '../roadmap/labels';
import { progressDeltaText, slipText } from './overviewFormat';

const subtle = { color: token('color.text.subtlest', '#626F86'), fontSize: '12px' };

const SCHEDULE_LOOK: Record<ScheduleStatusDto, 'removed' | 'success' | 'inprogress' | 'default'> = { late: 'removed', done: 'success', onTrack: 'inprogress', unscheduled: 'default' };

export function ScheduleCell({ schedule }: { schedule: ScheduleStatusDto }) {
  return <Lozenge appearance={SCHEDULE_LOOK[schedule]}>{scheduleText(schedule)}</Lozenge>;
}

/** The percent, a bar, and how it is measured ("5 of 14 story points done"). */
export function ProgressCell({ row }: { row: OverviewRowDto }) {
  return (
    <div style={{ display: 'grid', gap: token('space.025', '2px'), minWidth: 140 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
        <span data-testid={`overview-progress-${row.id}`} style={{ minWidth: 48 }}>
          {row.progress.percentText}
        </span>
        <div style={{ flex: 1 }}>
          <ProgressBar value={row.progress.ratio} ariaLabel={`${row.name}: ${row.progress.percentText}, ${row.progress.basis}`} />
        </div>
      </div>
      <span style={subtle}>{row.progress.basis}</span>
    </div>
  );
}

const BANDS: readonly { band: keyof OpenRisksDto; label: string; look: 'removed' | 'moved' | 'inprogress' | 'success' | 'default' }[] = [
  { band: 'critical', label: 'critical', look: 'removed' },
  { band: 'high', label: 'high', look: 'moved' },
  { band: 'medium', label: 'medium', look: 'inprogress' },
  { band: 'low', label: 'low', look: 'success' },
  { band: 'unscored', label: 'unscored', look: 'default' },
];

/** Open risks of the box's subtree, one lozenge per band that has any. */
export function RisksCell({ risks }: { risks: OpenRisksDto }) {
  const present = BANDS.filter(({ band }) => risks[band] > 0);
  if (present.length === 0) return <span style={subtle}>none</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050', '4px') }}>
      {present.map(({ band, label, look }) => (
        <Lozenge key={band} appearance={look}>{`${risks[band]} ${label}`}</Lozenge>
      ))}
    </span>
  );
}

export function TeamsCell({ row }: { row: OverviewRowDto }) {
  const { converted, total, percentText } = row.teamsConverted;
  if (total === 0) return <span style={subtle}>no teams</span>;
  return (
    <span>
      {converted} of {total} <span style={subtle}>({percentText})</span>
    </span>
  );
}

export const dateText = (date: string | null): string => date ?? '—';

export function SlipCell({ row }: { row: OverviewRowDto }) {
  const days = row.baseline?.slipDays ?? null;
  const color = days === null || days === 0 ? token('color.text.subtle', '#44546F') : days > 0 ? token('color.text.danger', '#AE2E24') : token('color.text.success', '#216E4E');
  return (
    <span data-testid={`overview-slip-${row.id}`} style={{ color, whiteSpace: 'nowrap' }} title={row.baseline ? `Due ${dateText(row.baseline.due)} in the baseline` : 'Not in the baseline'}>
      {row.baseline === null ? '—' : slipText(days)}
    </span>
  );
}

export function ProgressDeltaCell({ row }: { row: OverviewRowDto }) {
  return <span data-testid={`overview-progress-delta-${row.id}`} style={{ whiteSpace: 'nowrap' }}>{row.baseline === null ? '—' : progressDeltaText(row.baseline.progressDelta)}</span>;
}
