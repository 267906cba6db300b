import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { DataSourceDto, PageSummaryDto } from '../../../src/contract';

const REASONS: Record<PageSummaryDto['hiddenBecause'][number], string> = {
  project: 'Issues in projects you may not browse in Jira',
  securityLevel: 'Issues under an issue security level you are not in',
};

/** Why this page lost issues, in words; the general wording when the reason is not known (a live read). */
function hiddenText(because: PageSummaryDto['hiddenBecause']): string {
  if (because.length === 0) return 'Issues you may not see in Jira are left out of every figure on this page.';
  return `${because.map((reason, index) => (index === 0 ? REASONS[reason] : REASONS[reason].toLowerCase())).join(', and ')} are left out of every figure on this page.`;
}

/** Says how fresh the figures are (the one time they are as of), and when issues this page would show were left out, and why. */
export function DataSourceNote({ source, hiddenBecause }: { source: DataSourceDto; hiddenBecause: PageSummaryDto['hiddenBecause'] }) {
  const asOf = new Date(source.asOf).toLocaleString('en-GB');
  return (
    <div data-testid="data-source" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <p style={{ margin: 0, color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px') }}>
        {source.kind === 'snapshot' ? `Figures as of ${asOf}, kept current from Jira's issue events.` : `Figures read from Jira at ${asOf}.`}
        {source.note ? ` ${source.note}` : ''}
      </p>
      {source.rowsHidden && (
        <SectionMessage appearance="information" title="Some issues are not shown">
          <p data-testid="rows-hidden">{hiddenText(hiddenBecause)}</p>
        </SectionMessage>
      )}
    </div>
  );
}
