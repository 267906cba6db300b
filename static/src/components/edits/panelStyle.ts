import { token } from '@atlaskit/tokens';

/** A side panel over the page's right edge, in the theme's overlay colours. */
export const PANEL_STYLE = {
  position: 'fixed',
  insetBlock: 0,
  insetInlineEnd: 0,
  width: 'min(420px, 100vw)',
  overflowY: 'auto',
  zIndex: 500,
  padding: token('space.300', '24px'),
  background: token('elevation.surface.overlay', '#FFFFFF'),
  color: token('color.text', '#172B4D'),
  boxShadow: token('elevation.shadow.overlay', '0 8px 12px rgba(9,30,66,0.15)'),
  display: 'grid',
  alignContent: 'start',
  gap: token('space.200', '16px'),
} as const;
