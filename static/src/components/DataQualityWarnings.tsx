import SectionMessage from '@atlaskit/section-message';
import type { WarningDto } from '../../../src/contract';

/** What could not be read from Jira, so nobody mistakes a gap for a figure. */
export function DataQualityWarnings({ warnings, total }: { warnings: WarningDto[]; total: number }) {
  if (total === 0) return null;
  return (
    <SectionMessage appearance="warning" title={`${total} data-quality ${total === 1 ? 'warning' : 'warnings'}`}>
      <details>
        <summary>Values in Jira that the figures could not use</summary>
        <ul data-testid="data-quality-warnings">
          {warnings.map((w, i) => (
            <li key={`${w.issueKey ?? 'config'}-${w.field ?? ''}-${i}`}>{w.message}</li>
          ))}
        </ul>
        {total > warnings.length && <p>…and {total - warnings.length} more.</p>}
      </details>
    </SectionMessage>
  );
}
