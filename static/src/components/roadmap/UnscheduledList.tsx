import { memo, useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { UnscheduledDto } from '../../../../src/contract';
import { COLORS } from './colors';

const FIRST_SHOWN = 100;

/** Rows with neither a start nor a due date, and milestones without a due date: listed, never hidden. */
function UnscheduledListView({ unscheduled }: { unscheduled: UnscheduledDto }) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const { rows, rowCount, milestones, milestoneCount } = unscheduled;
  const total = rowCount + milestoneCount;
  const shown = showAll ? rows : rows.slice(0, FIRST_SHOWN);
  // The answer names the first ones only, so its size does not grow with the scope.
  const unlisted = rowCount - rows.length + (milestoneCount - milestones.length);
  const detail = { color: COLORS.subtlest, font: token('font.body.small', '400 12px/16px sans-serif') };
  return (
    <section data-testid="roadmap-unscheduled" aria-labelledby={headingId}>
      <Heading as="h4" size="xsmall" id={headingId}>
        Not scheduled ({total})
      </Heading>
      {total === 0 ? (
        <p style={{ color: COLORS.subtle }}>Every box and item in this scope has a start or a due date.</p>
      ) : (
        <ul style={{ margin: `${token('space.100', '8px')} 0`, paddingLeft: token('space.300', '24px') }}>
          {shown.map((row) => (
            <li key={row.id} data-testid={`roadmap-unscheduled-${row.id}`}>
              {row.name} <span style={detail}>{[row.key, row.typeName].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
          {milestones.map((m) => (
            <li key={`milestone-${m.key}`} data-testid={`roadmap-unscheduled-milestone-${m.key}`}>
              {m.name} <span style={detail}>{m.key} · Milestone, no due date</span>
            </li>
          ))}
        </ul>
      )}
      {!showAll && rows.length > FIRST_SHOWN && (
        <Button onClick={() => setShowAll(true)}>{rows.length < rowCount ? `Show the first ${rows.length} of ${rowCount} items without dates` : `Show all ${rowCount} items without dates`}</Button>
      )}
      {(showAll || rows.length <= FIRST_SHOWN) && unlisted > 0 && (
        <p data-testid="roadmap-unscheduled-unlisted" style={{ color: COLORS.subtle }}>
          {unlisted} more without dates are not listed here; the Backlog can list them all.
        </p>
      )}
    </section>
  );
}

/** Memoised on what it lists: every window of rows comes with the same list, so one arriving redraws nothing here. */
export const UnscheduledList = memo(
  UnscheduledListView,
  (before, after) => before.unscheduled === after.unscheduled || JSON.stringify(before.unscheduled) === JSON.stringify(after.unscheduled),
);
