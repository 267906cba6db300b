import { useCallback, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { RiskCellDto, RiskDto, RiskMatrixDto, ScopeDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { CreateIssuePanel } from '../edits/CreateIssuePanel';
import { IssueEditPanel } from '../edits/IssueEditPanel';
import { useEditRefresh, useEdits } from '../edits/editsContext';
import { fetchEditFields, fetchRiskMatrix } from '../../services/invokes';
import { Empty, ErrorState, Loading } from '../PanelState';
import { RiskGrid } from './RiskGrid';
import { RiskLegend } from './RiskLegend';
import { RiskList, UnscoredRisks, type RiskEditor } from './RiskList';
import { levelLabel, risksOfCell, unscoredRisks, type Rating } from './riskMatrix';
import { moveChanges } from './riskMove';

const subtle = { color: token('color.text.subtle', '#44546F') };

function RatingToggle({ rating, onChange }: { rating: Rating; onChange: (rating: Rating) => void }) {
  return (
    <div role="group" aria-label="Ratings shown" style={{ display: 'flex', gap: token('space.050', '4px') }}>
      {(['inherent', 'residual'] as const).map((value) => (
        <Button key={value} isSelected={rating === value} aria-pressed={rating === value} testId={`risk-rating-${value}`} onClick={() => onChange(value)}>
          {value === 'inherent' ? 'Inherent' : 'Residual'}
        </Button>
      ))}
    </div>
  );
}

const RISK_CONCEPTS = ['riskLikelihood', 'riskImpact', 'residualLikelihood', 'residualImpact', 'mitigation', 'flagged'] as const;

function RiskMatrixView({ matrix, scope }: { matrix: RiskMatrixDto; scope: ScopeDto }) {
  const edits = useEdits();
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const editor = useMemo<RiskEditor>(
    () => ({ canEdit: (risk) => edits.may(risk.key, 'edit') || edits.may(risk.key, 'transition'), canMove: (risk) => edits.may(risk.key, 'edit'), open: (risk) => setEditing(risk.key) }),
    [edits],
  );
  /** Re-rates a dropped risk with the options its edit screen offers (read first: their texts may carry the level). */
  const dropRisk = async (risk: RiskDto, to: { likelihood: number; impact: number }) => {
    const screen = await fetchEditFields(risk.key).then((m) => m.fields, () => []);
    const changes = moveChanges(risk, shownRating, to, matrix.likelihoodLabels, matrix.impactLabels, screen);
    if (changes.length > 0) await edits.change(`${risk.key} moved to ${levelLabel(matrix.likelihoodLabels, to.likelihood)} × ${levelLabel(matrix.impactLabels, to.impact)}`, changes);
  };
  const edited = editing === null ? undefined : matrix.risks.find((r) => r.key === editing);
  const [rating, setRating] = useState<Rating>('inherent');
  const [selected, setSelected] = useState<{ likelihood: number; impact: number } | null>(null);
  const hasResidual = matrix.residualCells.length > 0;
  const shownRating: Rating = hasResidual ? rating : 'inherent';
  const cells = shownRating === 'residual' ? matrix.residualCells : matrix.cells;
  const cell = selected ? cells.find((c) => c.likelihood === selected.likelihood && c.impact === selected.impact) : undefined;
  const placed = cells.reduce((sum, c) => sum + c.riskKeys.length, 0);
  const toggleCell = (c: RiskCellDto) =>
    setSelected((was) => (was?.likelihood === c.likelihood && was.impact === c.impact ? null : { likelihood: c.likelihood, impact: c.impact }));
  const title = cell
    ? `${levelLabel(matrix.likelihoodLabels, cell.likelihood)} likelihood × ${levelLabel(matrix.impactLabels, cell.impact)} impact: ${cell.riskKeys.length} ${cell.riskKeys.length === 1 ? 'risk' : 'risks'}`
    : '';
  return (
    <div data-testid="risk-matrix">
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: token('space.100', '8px'), marginBottom: token('space.150', '12px') }}>
        <span style={subtle} data-testid="risk-counts">
          {placed} open {placed === 1 ? 'risk' : 'risks'} on the matrix · {matrix.unscoredKeys.length} unscored ·{' '}
          <span data-testid="risk-closed">{matrix.closedCount} closed (not shown)</span>
          {aboveCount(matrix) > 0 && <span data-testid="risk-above-count"> · {aboveCount(matrix)} of them on the boxes above this page's boxes, marked “Box above”</span>}
        </span>
        <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
          {edits.mayCreateSomewhere() && (
            <Button testId="risk-create" onClick={() => setCreating(true)}>
              New risk, milestone or action item
            </Button>
          )}
          {hasResidual && <RatingToggle rating={shownRating} onChange={setRating} />}
        </div>
      </div>
      <RiskGrid
        cells={cells}
        bands={matrix.bands}
        likelihoodLabels={matrix.likelihoodLabels}
        impactLabels={matrix.impactLabels}
        selected={selected}
        onSelect={toggleCell}
        onDropRisk={(key, to) => {
          const risk = matrix.risks.find((r) => r.key === key);
          if (risk) void dropRisk(risk, to);
        }}
      />
      <div style={{ marginTop: token('space.150', '12px') }}>
        <RiskLegend bands={matrix.bands} />
      </div>
      {cell && <RiskList title={title} risks={risksOfCell(cell, matrix.risks, shownRating)} rating={shownRating} onClose={() => setSelected(null)} editor={editor} />}
      <UnscoredRisks items={unscoredRisks(matrix)} editor={editor} />
      {creating && <CreateIssuePanel scope={scope} labels={matrix} onClose={() => setCreating(false)} />}
      {edited && <IssueEditPanel issueKey={edited.key} title={edited.summary} concepts={RISK_CONCEPTS} onClose={() => setEditing(null)} />}
    </div>
  );
}

const aboveCount = (matrix: RiskMatrixDto): number => matrix.risks.filter((risk) => risk.onBoxAbove).length;

/** The scope's open risks on a likelihood × impact heat map, with the unscored ones listed apart. */
export function RiskMatrixPanel({ scope }: { scope: ScopeDto }) {
  const load = useCallback(() => fetchRiskMatrix(scope), [scope]);
  const resource = useResource(load, useEditRefresh());
  if (resource.state === 'loading') return <Loading label="Loading risks…" />;
  if (resource.state === 'error') return <ErrorState title="The risks could not be loaded" message={resource.message} onRetry={resource.retry} />;
  if (resource.data.risks.length === 0) return <Empty title="No risks in this scope">Risks raised in Jira for this scope will show here.</Empty>;
  return <RiskMatrixView matrix={resource.data} scope={scope} />;
}
