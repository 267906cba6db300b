import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { MilestoneDto, RoadmapRowDto } from '../../../../src/contract';
import { COLORS } from './colors';

const FIRST_SHOWN = 100;

export interface UnscheduledListProps {
  rows: readonly RoadmapRowDto[];
  undatedRowIds: readonly string[];
  milestones: readonly MilestoneDto[];
}

/** Rows with neither a start nor a due date, and milestones without a due date: listed, never hidden. */
export function UnscheduledList({ rows, undatedRowIds, milestones }: UnscheduledListProps) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const undated = useMemo(() => {
    const byId = new Map(rows.map((row) => [row.id, row]));
    return undatedRowIds.flatMap((id) => byId.get(id) ?? []);
  }, [rows, undatedRowIds]);
  const undatedMilestones = useMemo(() => milestones.filter((m) => !m.due), [milestones]);
  const total = undated.length + undatedMilestones.length;
  const shown = showAll ? undated : undated.slice(0, FIRST_SHOWN);
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
          {undatedMilestones.map((m) => (
            <li key={`milestone-${m.key}`} data-testid={`roadmap-unscheduled-milestone-${m.key}`}>
              {m.name} <span style={detail}>{m.key} · Milestone, no due date</span>
            </li>
          ))}
        </ul>
      )}
      {!showAll && undated.length > FIRST_SHOWN && <Button onClick={() => setShowAll(true)}>Show all {undated.length} items without dates</Button>}
    </section>
  );
}
