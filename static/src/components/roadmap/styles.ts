/**
 * The roadmap grid's style sheet. What every row has in common is a class here, so mounting a row sets a class name
 * rather than a dozen inline properties per element (rows mount and unmount on every frame of a fast scroll); only
 * what differs per row (indent, bar position and length) stays inline. Colours are design tokens (light and dark).
 * The name column is pinned to the left edge by usePinnedColumn: an offset, sticky only while scrolling sideways.
 * Clipping is `overflow: clip`, not `hidden`, which would make each name and bar a scroll container to paint.
 */
import { token } from '@atlaskit/tokens';
import type { ScheduleStatusDto } from '../../../../src/contract';
import { barColors, COLORS } from './colors';
import { BAR_HEIGHT, HEADER_BAND, HEADER_HEIGHT, LEFT_WIDTH, ROW_HEIGHT } from './constants';
import { HSCROLL_ATTRIBUTE, SCROLL_LEFT_VAR } from './usePinnedColumn';
import { VSCROLL_ATTRIBUTE } from './useScrolling';

const SMALL = token('font.body.small', '400 12px/16px sans-serif');
const SCHEDULES: readonly ScheduleStatusDto[] = ['late', 'done', 'onTrack', 'unscheduled'];
const BAR_TOP = (ROW_HEIGHT - BAR_HEIGHT) / 2;
const MILESTONE = 12;

/** Holds the timeline's width, set on the treegrid once per zoom. */
export const TIMELINE_WIDTH_VAR = '--roadmap-timeline-width';

/** A class per schedule, for the colours of bars, markers and captions. */
export const scheduleClass = (schedule: ScheduleStatusDto): string => `roadmap-s-${schedule}`;

const perSchedule = SCHEDULES.map((schedule) => {
  const colors = barColors(schedule);
  const s = `.${scheduleClass(schedule)}`;
  return `.roadmap-bar${s} { background: ${colors.track}; border: ${schedule === 'late' ? 2 : 1}px solid ${colors.border}; }
.roadmap-bar${s} > .roadmap-progress { background: ${colors.fill}; }
.roadmap-marker${s} { border-color: ${colors.fill}; }
.roadmap-caption${s} { color: ${colors.text}; }`;
}).join('\n');

export const ROADMAP_CSS = `
[data-roadmap-row] { position: absolute; left: 0; right: 0; contain: strict; display: flex; height: ${ROW_HEIGHT}px; border-bottom: 1px solid ${COLORS.border}; box-sizing: border-box; }
[data-roadmap-row]:focus { outline: none; }
[data-roadmap-row]:focus-visible > [data-roadmap-name] { box-shadow: inset 0 0 0 2px ${COLORS.focus}; }
[data-roadmap-row]:focus-visible, [data-roadmap-row]:hover { background: ${COLORS.rowHover}; }
.roadmap-namecell { position: relative; left: min(var(${SCROLL_LEFT_VAR}, 0px), calc(100% - ${LEFT_WIDTH}px)); z-index: 2; width: ${LEFT_WIDTH}px; flex: none; display: flex; align-items: center; gap: 4px; box-sizing: border-box; padding-left: 4px; padding-right: 8px; background: ${COLORS.surface}; border-right: 1px solid ${COLORS.border}; }
.roadmap-timeline { position: relative; flex: none; width: var(${TIMELINE_WIDTH_VAR}); }
.roadmap-toggle { width: 20px; height: 20px; flex: none; padding: 0; border: none; border-radius: 3px; background: transparent; color: ${COLORS.subtle}; cursor: pointer; }
.roadmap-name { min-width: 0; overflow: clip; text-overflow: ellipsis; white-space: nowrap; font-weight: 400; }
.roadmap-name.roadmap-box { font-weight: 600; }
.roadmap-meta { margin-left: auto; flex: none; font: ${SMALL}; color: ${COLORS.subtlest}; white-space: nowrap; }
.roadmap-skeleton { width: 60%; height: 10px; border-radius: 3px; background: ${COLORS.skeleton}; }
.roadmap-unread { min-width: 0; overflow: clip; text-overflow: ellipsis; white-space: nowrap; font: ${SMALL}; color: ${COLORS.subtlest}; }
.roadmap-nodates { position: relative; left: min(calc(var(${SCROLL_LEFT_VAR}, 0px) + 8px), calc(100% - 240px)); line-height: ${ROW_HEIGHT}px; font: ${SMALL}; font-style: italic; color: ${COLORS.subtlest}; }
.roadmap-bar { position: absolute; top: ${BAR_TOP}px; height: ${BAR_HEIGHT}px; box-sizing: border-box; border-radius: 3px; overflow: clip; }
.roadmap-progress { height: 100%; }
.roadmap-marker { position: absolute; width: 8px; top: ${BAR_TOP - 2}px; height: ${BAR_HEIGHT + 4}px; box-sizing: border-box; border: 0 solid; border-top-width: 3px; border-bottom-width: 3px; }
.roadmap-marker-start { border-left-width: 3px; }
.roadmap-marker-due { border-right-width: 3px; }
.roadmap-caption { position: absolute; top: 0; height: ${ROW_HEIGHT}px; line-height: ${ROW_HEIGHT}px; font: ${SMALL}; white-space: nowrap; pointer-events: none; }
.roadmap-milestone { position: absolute; top: ${(ROW_HEIGHT - MILESTONE) / 2}px; width: ${MILESTONE}px; height: ${MILESTONE}px; box-sizing: border-box; transform: rotate(45deg); background: ${COLORS.milestone}; border: 2px solid ${COLORS.surface}; z-index: 1; }
.roadmap-milestone.roadmap-s-late { background: ${barColors('late').fill}; }
.roadmap-milestone.roadmap-s-done { background: ${barColors('done').fill}; }
.roadmap-milestone-late { position: absolute; top: 0; line-height: ${ROW_HEIGHT}px; font-weight: 700; color: ${barColors('late').text}; }
.roadmap-header { position: sticky; top: 0; z-index: 3; display: flex; height: ${HEADER_HEIGHT}px; background: ${COLORS.headerSurface}; border-bottom: 1px solid ${COLORS.border}; }
.roadmap-header-cell { font: ${SMALL}; white-space: nowrap; overflow: hidden; position: absolute; height: ${HEADER_BAND}px; line-height: ${HEADER_BAND}px; border-left: 1px solid ${COLORS.border}; box-sizing: border-box; padding-left: 4px; }
[${HSCROLL_ATTRIBUTE}] .roadmap-namecell { position: sticky; left: 0; }
[${HSCROLL_ATTRIBUTE}] .roadmap-nodates { position: sticky; left: ${LEFT_WIDTH + 8}px; }
[${VSCROLL_ATTRIBUTE}] [role="rowgroup"], [${VSCROLL_ATTRIBUTE}] svg path { pointer-events: none; }
${perSchedule}
`;

/** The milestone diamond's size, for placing it on its due day. */
export const MILESTONE_SIZE = MILESTONE;
