import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { DataSourceDto } from '../../../src/contract';

/** Says how fresh the figures are, when they were read live instead, and when rows the viewer may not browse were left out. */
export function DataSourceNote({ source }: { source: DataSourceDto }) {
  const asOf = new Date(source.asOf).toLocaleString('en-GB');
  return (
    <div data-testid="data-source" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <p style={{ margin: 0, color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px') }}>
        {source.kind === 'snapshot' ? `Figures as of ${asOf}, kept current from Jira's issue events.` : `Figures read from Jira at ${asOf}.`}
        {source.note ? ` ${source.note}` : ''}
      </p>
      {source.rowsHidden && (
        <SectionMessage appearance="information" title="Some issues are not shown">
          <p data-testid="rows-hidden">Issues in projects you may not browse in Jira are left out of every figure on this page.</p>
        </SectionMessage>
      )}
    </div>
  );
}
