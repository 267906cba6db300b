import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ReportPeriodDto } from '../../../../src/contract/reports';
import { PERIOD_PRESETS, periodProblem, presetOf, presetPeriod } from './period';

const row = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') } as const;

/** The period of the weekly and flow reports: the last 7, 14 or 30 days, or a chosen from/to. */
export function PeriodPicker({ period, today, onChange }: { period: ReportPeriodDto; today: string; onChange: (period: ReportPeriodDto) => void }) {
  const id = useId();
  const preset = presetOf(period, today);
  const [custom, setCustom] = useState(preset === null);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [tried, setTried] = useState(false);
  const problem = periodProblem(from, to);
  const choose = (days: number) => {
    const next = presetPeriod(days, today);
    setCustom(false);
    setFrom(next.from);
    setTo(next.to);
    setTried(false);
    onChange(next);
  };
  const apply = () => {
    setTried(true);
    if (problem === null) onChange({ from, to });
  };
  return (
    <div data-testid="report-period" role="group" aria-labelledby={`${id}-label`} className="report-no-print" style={{ ...row, gap: token('space.200', '16px') }}>
      <span id={`${id}-label`} style={{ fontWeight: 600 }}>
        Period
      </span>
      <div role="group" aria-label="Choose the period" style={{ ...row, gap: token('space.050', '4px') }}>
        {PERIOD_PRESETS.map((days) => (
          <Button key={days} testId={`report-period-${days}`} isSelected={!custom && preset === days} aria-pressed={!custom && preset === days} onClick={() => choose(days)}>
            Last {days} days
          </Button>
        ))}
        <Button testId="report-period-custom" isSelected={custom} aria-pressed={custom} aria-controls={`${id}-custom`} onClick={() => setCustom(true)}>
          Custom
        </Button>
      </div>
      {custom && (
        <form
          id={`${id}-custom`}
          aria-label="Custom period"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
          style={row}
        >
          <label htmlFor={`${id}-from`}>From</label>
          <Textfield id={`${id}-from`} testId="report-period-from" type="date" width={170} isCompact value={from} isInvalid={tried && problem !== null} onChange={(e) => setFrom(e.currentTarget.value)} />
          <label htmlFor={`${id}-to`}>to</label>
          <Textfield id={`${id}-to`} testId="report-period-to" type="date" width={170} isCompact value={to} isInvalid={tried && problem !== null} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button type="submit" appearance="primary" testId="report-period-apply">
            Apply
          </Button>
          {tried && problem !== null && (
            <span role="alert" data-testid="report-period-problem" style={{ color: token('color.text.danger', '#AE2A19') }}>
              {problem}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
