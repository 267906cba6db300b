import { useId, useState } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ValueTrackingDto } from '../../../../src/contract/reports';
import { barLength } from './charts';
import { countOf } from './format';

const BAR = 320;
const row = { display: 'grid', gridTemplateColumns: 'minmax(120px, 200px) 1fr minmax(96px, auto)', alignItems: 'center', gap: token('space.150', '12px') };

/**
 * The stage-gate pipeline: one bar per gate with its count. Each bar is a button that lists the gate's initiatives;
 * the counts are in the buttons' text, so the bars themselves are decoration.
 */
export function ValuePipeline({ value }: { value: ValueTrackingDto }) {
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  const max = Math.max(0, ...value.pipeline.map((g) => g.count));
  const opened = value.pipeline.find((g) => g.gate === open);
  return (
    <section className="report-block" aria-labelledby={`${id}-h`} data-testid="report-value-pipeline">
      <Heading size="xsmall" as="h4" id={`${id}-h`}>
        Initiatives by stage gate
      </Heading>
      <ul style={{ listStyle: 'none', margin: `${token('space.100', '8px')} 0`, padding: 0, display: 'grid', gap: token('space.050', '4px') }}>
        {value.pipeline.map((g) => (
          <li key={g.gate}>
            <button
              type="button"
              data-testid={`report-gate-${g.gate}`}
              aria-label={`${g.gate}: ${countOf(g.count, 'initiative')}`}
              aria-expanded={open === g.gate}
              aria-controls={`${id}-list`}
              onClick={() => setOpen(open === g.gate ? null : g.gate)}
              style={{ ...row, width: '100%', padding: token('space.050', '4px'), border: 'none', borderRadius: token('radius.small', '4px'), font: 'inherit', textAlign: 'start', cursor: 'pointer', color: token('color.text', '#172B4D'), background: open === g.gate ? token('color.background.selected', '#E9F2FF') : 'transparent' }}
            >
              <span>{g.gate}</span>
              <svg viewBox={`0 0 ${BAR} 14`} width="100%" height="14" preserveAspectRatio="none" aria-hidden="true">
                <rect x="0" y="0" width={BAR} height="14" fill={token('color.background.neutral', '#091E420F')} />
                <rect x="0" y="0" width={barLength(g.count, max, BAR)} height="14" fill={token('color.chart.brand', '#1D7AFC')} />
              </svg>
              <span>{countOf(g.count, 'initiative')}</span>
            </button>
          </li>
        ))}
      </ul>
      <div id={`${id}-list`} aria-live="polite">
        {opened && (
          <p data-testid="report-gate-list" style={{ margin: 0 }}>
            <strong>{opened.gate}:</strong> {opened.keys.length > 0 ? opened.keys.join(', ') : 'no initiatives'}
          </p>
        )}
      </div>
      {value.ungated.length > 0 && (
        <p data-testid="report-value-ungated" style={{ color: token('color.text.warning', '#A54800') }}>
          {countOf(value.ungated.length, 'initiative')} with no gate, or one the settings do not name: {value.ungated.join(', ')}
        </p>
      )}
    </section>
  );
}
