/** Every roadmap colour, from Atlaskit design tokens (light and dark themes); the hex values are only fallbacks. */
import { token } from '@atlaskit/tokens';
import type { ScheduleStatusDto } from '../../../../src/contract';

export interface BarColors {
  track: string;
  fill: string;
  border: string;
  text: string;
}

export function barColors(schedule: ScheduleStatusDto): BarColors {
  switch (schedule) {
    case 'late':
      return {
        track: token('color.background.accent.red.subtler', '#FFD5D2'),
        fill: token('color.background.accent.red.bolder', '#C9372C'),
        border: token('color.border.danger', '#E2483D'),
        text: token('color.text.danger', '#AE2E24'),
      };
    case 'done':
      return {
        track: token('color.background.accent.green.subtler', '#BAF3DB'),
        fill: token('color.background.accent.green.bolder', '#1F845A'),
        border: token('color.border.success', '#22A06B'),
        text: token('color.text.success', '#216E4E'),
      };
    case 'onTrack':
      return {
        track: token('color.background.accent.blue.subtler', '#CCE0FF'),
        fill: token('color.background.accent.blue.bolder', '#0C66E4'),
        border: token('color.border.information', '#1D7AFC'),
        text: token('color.text.subtle', '#44546F'),
      };
    default:
      return {
        track: token('color.background.accent.gray.subtler', '#DCDFE4'),
        fill: token('color.background.accent.gray.bolder', '#626F86'),
        border: token('color.border.bold', '#758195'),
        text: token('color.text.subtle', '#44546F'),
      };
  }
}

export const COLORS = {
  surface: token('elevation.surface', '#FFFFFF'),
  headerSurface: token('elevation.surface.sunken', '#F7F8F9'),
  border: token('color.border', '#091E4224'),
  text: token('color.text', '#172B4D'),
  subtle: token('color.text.subtle', '#44546F'),
  subtlest: token('color.text.subtlest', '#626F86'),
  today: token('color.border.brand', '#0C66E4'),
  todayText: token('color.text.brand', '#0C66E4'),
  arrow: token('color.border.bold', '#758195'),
  arrowViolated: token('color.border.danger', '#E2483D'),
  milestone: token('color.icon.discovery', '#8270DB'),
  focus: token('color.border.focused', '#388BFF'),
  rowHover: token('color.background.neutral.subtle.hovered', '#091E420F'),
  skeleton: token('color.skeleton', '#091E420F'),
} as const;

/** The one-glyph cue beside a bar, so state never rests on colour alone. */
export const SCHEDULE_GLYPH: Record<ScheduleStatusDto, string> = { late: '⚠', done: '✓', onTrack: '', unscheduled: '' };
