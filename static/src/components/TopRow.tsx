import { token } from '@atlaskit/tokens';
import type { OverviewDto } from '../../../src/contract';
import { methodLabel } from './methodLabel';

function Figure({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <section
      aria-label={label}
      style={{ flex: '1 1 200px', padding: token('space.200', '16px'), borderRadius: token('radius.large', '8px'), border: `1px solid ${token('color.border', '#091E4224')}`, background: token('elevation.surface.raised', '#FFFFFF') }}
    >
      <div style={{ font: token('font.body.small', '12px'), color: token('color.text.subtle', '#44546F') }}>{label}</div>
      <div data-testid={testId} style={{ font: token('font.heading.xlarge', '600 29px/32px sans-serif'), color: token('color.text', '#172B4D') }}>{value}</div>
      <div style={{ font: token('font.body.small', '12px'), color: token('color.text.subtlest', '#626F86') }}>{detail}</div>
    </section>
  );
}

/** The transformation's headline figures. */
export function TopRow({ overview }: { overview: OverviewDto }) {
  const readAt = new Date(overview.readAt);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
      <Figure label="Transformation advanced" value={overview.progress.percentText} detail={`rolled up by ${methodLabel(overview.progress.method)}`} testId="top-progress" />
      <Figure
        label="Teams converted"
        value={overview.teamsConverted.percentText}
        detail={`${overview.teamsConverted.converted} of ${overview.teamsConverted.total} teams`}
        testId="top-teams-converted"
      />
      <Figure label="Issues read" value={overview.issueCount.toLocaleString('en-GB')} detail={`read from Jira at ${readAt.toLocaleString('en-GB')}`} testId="top-issue-count" />
    </div>
  );
}
