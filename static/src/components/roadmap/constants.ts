/** Fixed sizes of the roadmap grid, in pixels. Fixed row height is what makes virtualisation cheap. */
export const ROW_HEIGHT = 32;
export const BAR_HEIGHT = 16;
export const LEFT_WIDTH = 320;
export const INDENT = 16;
export const HEADER_BAND = 24;
export const HEADER_HEIGHT = HEADER_BAND * 2;
/** Rows rendered above and below the visible ones. */
export const OVERSCAN = 8;
/** Arrows leave a bar end and enter a bar start this far out. */
export const ARROW_GAP = 8;
/** Dependency arrows are drawn for bands of this many rows around the rendered ones, so they change once a band. */
export const ARROW_BAND = 16;
