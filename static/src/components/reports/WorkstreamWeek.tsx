import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { WorkstreamWeekDto } from '../../../../src/contract/reports';
import { useEdits } from '../edits/editsContext';
import { GROUP_TITLES, isQuietWeek, progressLine, sponsorText, teamsLine, weekSections, type WeekGroup, type WeekSection } from './weekly';

const GROUPS: WeekGroup[] = ['moved', 'stuck', 'decide'];
const subtle = { color: token('color.text.subtle', '#44546F') };
const tight = { margin: `${token('space.050', '4px')} 0` };

function SectionLines({ section }: { section: WeekSection }) {
  if (section.lines.length === 0) {
    return (
      <p data-testid={`report-weekly-empty-${section.id}`} style={{ ...tight, color: token('color.text.subtlest', '#626F86') }}>
        {section.emptyText}
      </p>
    );
  }
  return (
    <div data-testid={`report-weekly-${section.id}`} style={tight}>
      <strong>
        {section.title} ({section.lines.length})
      </strong>
      <ul style={{ margin: 0, paddingInlineStart: token('space.300', '24px') }}>
        {section.lines.map((line) => (
          <li key={line.key}>
            <span style={{ fontWeight: 600 }}>{line.key}</span> {line.summary} <span style={subtle}>· {line.detail}</span>
            {line.flagged && (
              <>
                {' '}
                <Lozenge appearance="moved">Flagged</Lozenge>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Group({ group, sections }: { group: WeekGroup; sections: WeekSection[] }) {
  const decide = group === 'decide' && sections.some((s) => s.lines.length > 0);
  return (
    <div
      style={{
        paddingInlineStart: token('space.150', '12px'),
        borderInlineStart: `${token('border.width.selected', '2px')} solid ${token(decide ? 'color.border.warning' : 'color.border', '#091E4224')}`,
      }}
    >
      <Heading size="xxsmall" as="h5">
        {GROUP_TITLES[group]}
      </Heading>
      {sections.map((section) => (
        <SectionLines key={section.id} section={section} />
      ))}
    </div>
  );
}

/** One workstream's week: its sponsor and movement, then what moved, what is stuck and what needs a decision. */
export function WorkstreamWeek({ ws, onCreate }: { ws: WorkstreamWeekDto; onCreate?: (boxKey: string) => void }) {
  const id = useId();
  const edits = useEdits();
  const sections = weekSections(ws);
  return (
    <section
      className="report-block"
      aria-labelledby={id}
      data-testid={`report-weekly-ws-${ws.boxId}`}
      style={{ display: 'grid', gap: token('space.100', '8px'), padding: token('space.200', '16px'), border: `${token('border.width', '1px')} solid ${token('color.border', '#091E4224')}`, borderRadius: token('radius.medium', '6px') }}
    >
      <div>
        <Heading size="xsmall" as="h4" id={id}>
          {ws.name}
        </Heading>
        <p style={{ ...tight, ...subtle }}>
          {sponsorText(ws.sponsor)} · {progressLine(ws)} · {teamsLine(ws)}
        </p>
        {onCreate && edits.may(ws.boxId, 'create') && (
          <div className="report-no-print">
            <Button appearance="subtle" spacing="compact" testId={`report-weekly-create-${ws.boxId}`} aria-label={`New risk, milestone or action item under ${ws.name}`} onClick={() => onCreate(ws.boxId)}>
              New risk, milestone or action item
            </Button>
          </div>
        )}
      </div>
      {isQuietWeek(sections) ? (
        <p data-testid="report-weekly-quiet" style={{ ...tight, ...subtle }}>
          Nothing moved, nothing is stuck, no decisions needed.
        </p>
      ) : (
        GROUPS.map((group) => <Group key={group} group={group} sections={sections.filter((s) => s.group === group)} />)
      )}
    </section>
  );
}
