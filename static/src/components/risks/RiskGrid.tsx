import { useId, useRef, useState } from 'react';
import { token } from '@atlaskit/tokens';
import VisuallyHidden from '@atlaskit/visually-hidden';
import type { RiskBandScaleDto, RiskCellDto } from '../../../../src/contract';
import { bandStyle } from './bandStyle';
import { cellLabel, gridRows, levelLabel, LEVELS, moveInGrid } from './riskMatrix';
import { RISK_DRAG_TYPE } from './riskMove';

interface Props {
  cells: RiskCellDto[];
  bands: RiskBandScaleDto[];
  likelihoodLabels: string[];
  impactLabels: string[];
  selected: { likelihood: number; impact: number } | null;
  onSelect: (cell: RiskCellDto) => void;
  /** A risk dragged from the list was dropped on a cell (only where the viewer may move it). */
  onDropRisk?: (riskKey: string, cell: RiskCellDto) => void;
}

const placeOf = (likelihood: number, impact: number) => `${likelihood}-${impact}`;
const axisStyle = { color: token('color.text.subtle', '#44546F'), fontWeight: 'normal', fontSize: '12px', padding: token('space.050', '4px') } as const;

function cellStyle(cell: RiskCellDto, bands: RiskBandScaleDto[], isSelected: boolean) {
  const style = bandStyle(cell.band, bands);
  return {
    width: '100%',
    minWidth: 56,
    height: 48,
    border: 'none',
    borderRadius: token('radius.small', '4px'),
    cursor: 'pointer',
    fontSize: '16px',
    fontWeight: cell.riskKeys.length > 0 ? 'bold' : 'normal',
    background: token(style.background as never, style.backgroundFallback),
    color: token(style.text, style.textFallback),
    outline: isSelected ? `2px solid ${token('color.border.selected', '#0C66E4')}` : undefined,
    outlineOffset: 2,
  } as const;
}

/** The 5 × 5 heat map: one button a cell, arrow keys move between cells, Enter or Space opens one. */
export function RiskGrid({ cells, bands, likelihoodLabels, impactLabels, selected, onSelect, onDropRisk }: Props) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const hintId = useId();
  // Roving focus: one cell is in the tab order, the one last focused (the opened one, or top-left at first).
  const [active, setActive] = useState(() => (selected ? placeOf(selected.likelihood, selected.impact) : placeOf(5, 1)));
  const onKeyDown = (cell: RiskCellDto) => (event: React.KeyboardEvent) => {
    const next = moveInGrid(cell.likelihood, cell.impact, event.key);
    if (!next) return;
    event.preventDefault();
    buttons.current.get(placeOf(next.likelihood, next.impact))?.focus();
  };
  return (
    <>
      <table aria-label="Risk matrix" aria-describedby={hintId} style={{ borderCollapse: 'separate', borderSpacing: token('space.050', '4px'), width: '100%', maxWidth: 560 }}>
        <tbody>
          {gridRows(cells, bands).map((row, r) => (
            <tr key={row[0]?.likelihood ?? r}>
              <th scope="row" style={{ ...axisStyle, textAlign: 'right', verticalAlign: 'middle' }}>
                {levelLabel(likelihoodLabels, row[0]?.likelihood ?? 5 - r)}
              </th>
              {row.map((cell) => {
                const place = placeOf(cell.likelihood, cell.impact);
                const isSelected = selected?.likelihood === cell.likelihood && selected.impact === cell.impact;
                return (
                  <td key={place} style={{ padding: 0 }}>
                    <button
                      type="button"
                      ref={(el) => void (el ? buttons.current.set(place, el) : buttons.current.delete(place))}
                      data-testid={`risk-cell-${place}`}
                      aria-label={cellLabel(cell, likelihoodLabels, impactLabels)}
                      aria-pressed={isSelected}
                      tabIndex={place === active ? 0 : -1}
                      onFocus={() => setActive(place)}
                      onClick={() => onSelect(cell)}
                      onKeyDown={onKeyDown(cell)}
                      onDragOver={(e) => {
                        if (onDropRisk && e.dataTransfer.types.includes(RISK_DRAG_TYPE)) e.preventDefault();
                      }}
                      onDrop={(e) => {
                        const key = e.dataTransfer.getData(RISK_DRAG_TYPE);
                        if (!onDropRisk || !key) return;
                        e.preventDefault();
                        onDropRisk(key, cell);
                      }}
                      style={cellStyle(cell, bands, isSelected)}
                    >
                      {cell.riskKeys.length}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td aria-hidden style={{ ...axisStyle, textAlign: 'right' }}>
              ↑ Likelihood
            </td>
            {LEVELS.map((impact) => (
              <th key={impact} scope="col" style={{ ...axisStyle, textAlign: 'center' }}>
                {levelLabel(impactLabels, impact)}
              </th>
            ))}
          </tr>
          <tr aria-hidden>
            <td />
            <td colSpan={5} style={{ ...axisStyle, textAlign: 'center' }}>
              Impact →
            </td>
          </tr>
        </tfoot>
      </table>
      <VisuallyHidden id={hintId}>Rows are likelihood, highest first; columns are impact. Use the arrow keys to move between cells.</VisuallyHidden>
    </>
  );
}
