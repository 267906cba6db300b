import type { RoadmapRowDto } from '../../../../src/contract';
import { token } from '@atlaskit/tokens';
import { SCHEDULE_GLYPH } from './colors';
import { scheduleClass } from './styles';

/** The visible words beside a bar or marker, so lateness and completion never rest on colour alone. */
export function Caption({ x, row, prefix }: { x: number; row: RoadmapRowDto; prefix?: string }) {
  const glyph = SCHEDULE_GLYPH[row.schedule];
  const state = row.schedule === 'late' ? ' Late' : row.schedule === 'done' ? ' Done' : '';
  return (
    <span aria-hidden="true" className={`roadmap-caption ${scheduleClass(row.schedule)}`} style={{ left: x }}>
      {`${prefix ? `${prefix} · ` : ''}${row.progress.percentText}${glyph ? ` ${glyph}${state}` : ''}`}
      {row.doneWithOpenWork && (
        <span data-testid={`roadmap-open-work-${row.id}`} style={{ color: token('color.text.warning', '#A54800') }}>
          {' '}· ⚠ work still open
        </span>
      )}
    </span>
  );
}

