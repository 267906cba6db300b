import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { RiskBandDto, RiskDto } from '../../../../src/contract';
import { bandLozenge } from './bandStyle';
import { bandName, ratingOf, type Rating } from './riskMatrix';
import { BoxLink } from '../../navigation/openBox';
import { RISK_DRAG_TYPE } from './riskMove';

const subtle = { color: token('color.text.subtlest', '#626F86') };
const none = <span style={subtle}>—</span>;

export function BandLozenge({ band }: { band: RiskBandDto | null }) {
  if (!band) return <Lozenge>Unscored</Lozenge>;
  const { appearance, isBold } = bandLozenge(band);
  return (
    <Lozenge appearance={appearance} isBold={isBold}>
      {bandName(band)}
    </Lozenge>
  );
}

/** A risk on a box above this page's own boxes: it threatens their work but is not in them. */
function AboveMark({ risk }: { risk: RiskDto }) {
  return (
    <span data-testid={`risk-above-${risk.key}`}>
      {risk.boxName} <Lozenge appearance="moved">Box above</Lozenge>
    </span>
  );
}

/** Opens the risk's side panel; present only where the viewer may change the risk in Jira. */
export type RiskEditor = { canEdit: (risk: RiskDto) => boolean; canMove: (risk: RiskDto) => boolean; open: (risk: RiskDto) => void };

function EditButton({ risk, editor }: { risk: RiskDto; editor: RiskEditor | undefined }) {
  if (!editor?.canEdit(risk)) return null;
  return (
    <Button appearance="subtle" testId={`risk-edit-${risk.key}`} aria-label={`Edit ${risk.key} ${risk.summary}`} onClick={() => editor.open(risk)}>
      Edit
    </Button>
  );
}

/** The key; where the viewer may change the risk, a handle to drag it onto another cell (the side panel does the same by keyboard). */
function RiskKey({ risk, editor }: { risk: RiskDto; editor: RiskEditor | undefined }) {
  if (!editor?.canMove(risk)) return <strong>{risk.key}</strong>;
  return (
    <span
      draggable
      data-testid={`risk-drag-${risk.key}`}
      title="Drag onto another cell to re-rate it in Jira"
      style={{ cursor: 'grab' }}
      onDragStart={(e) => {
        e.dataTransfer.setData(RISK_DRAG_TYPE, risk.key);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <span aria-hidden="true">⠿ </span>
      <strong>{risk.key}</strong>
    </span>
  );
}

const head = (rating: Rating) => ({
  cells: [
    { key: 'key', content: 'Key' },
    { key: 'box', content: 'Box' },
    { key: 'summary', content: 'Summary' },
    { key: 'owner', content: 'Owner' },
    { key: 'score', content: rating === 'residual' ? 'Residual score' : 'Score' },
    { key: 'band', content: 'Band' },
    { key: 'status', content: 'Status' },
    { key: 'mitigation', content: 'Mitigation' },
    { key: 'edit', content: <VisuallyHidden>Edit</VisuallyHidden> },
  ],
});

const rows = (risks: RiskDto[], rating: Rating, editor: RiskEditor | undefined) =>
  risks.map((risk) => {
    const { score, band } = ratingOf(risk, rating);
    return {
      key: risk.key,
      testId: `risk-row-${risk.key}`,
      cells: [
        { key: 'key', content: <RiskKey risk={risk} editor={editor} /> },
        { key: 'box', content: risk.onBoxAbove ? <AboveMark risk={risk} /> : <BoxLink boxId={risk.boxId} testId={`risk-open-${risk.key}`}>{risk.boxName}</BoxLink> },
        { key: 'summary', content: risk.summary },
        { key: 'owner', content: risk.owner ?? none },
        { key: 'score', content: score ?? none },
        { key: 'band', content: <BandLozenge band={band} /> },
        { key: 'status', content: risk.status },
        { key: 'mitigation', content: risk.mitigation ?? <span style={subtle}>No mitigation</span> },
        { key: 'edit', content: <EditButton risk={risk} editor={editor} /> },
      ],
    };
  });

/** The risks of the cell that was opened. */
export function RiskList({ title, risks, rating, onClose, editor }: { title: string; risks: RiskDto[]; rating: Rating; onClose: () => void; editor?: RiskEditor }) {
  return (
    <section data-testid="risk-list" aria-label={title} style={{ marginTop: token('space.200', '16px') }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Heading size="xsmall" as="h4">
          {title}
        </Heading>
        <Button appearance="subtle" onClick={onClose}>
          Close list
        </Button>
      </div>
      <DynamicTable head={head(rating)} rows={rows(risks, rating, editor)} label={title} emptyView={<p>No open risks in this cell.</p>} />
    </section>
  );
}

/** Risks that lack a likelihood or an impact: listed apart, never dropped. */
export function UnscoredRisks({ items, editor }: { items: { risk: RiskDto; missing: string }[]; editor?: RiskEditor }) {
  if (items.length === 0) return null;
  return (
    <section data-testid="risk-unscored" aria-label="Unscored risks" style={{ marginTop: token('space.300', '24px') }}>
      <Heading size="xsmall" as="h4">
        Unscored risks ({items.length})
      </Heading>
      <ul style={{ paddingInlineStart: token('space.250', '20px') }}>
        {items.map(({ risk, missing }) => (
          <li key={risk.key} data-testid={`risk-unscored-${risk.key}`}>
            <strong>{risk.key}</strong> {risk.summary} <span style={subtle}>({missing}; owner {risk.owner ?? 'none'}; {risk.status}{risk.onBoxAbove ? `; on ${risk.boxName}, a box above this page's boxes` : ''})</span>{' '}
            <EditButton risk={risk} editor={editor} />
          </li>
        ))}
      </ul>
    </section>
  );
}
