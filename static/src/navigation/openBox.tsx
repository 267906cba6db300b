import { createContext, useContext, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/** Opens a box of the page as its own view; absent where boxes cannot be opened (then names stay plain text). */
const OpenBoxContext = createContext<((boxId: string | null) => void) | null>(null);

export const OpenBoxProvider = OpenBoxContext.Provider;

export const useOpenBox = (): ((boxId: string | null) => void) | null => useContext(OpenBoxContext);

/** Boxes the page shows but cannot open (another project's, on a project page): their names stay plain text. */
const OutsideBoxesContext = createContext<ReadonlySet<string>>(new Set());

export const OutsideBoxesProvider = OutsideBoxesContext.Provider;

const linkStyle = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: token('color.link', '#0C66E4'),
  cursor: 'pointer',
  textAlign: 'start' as const,
  textDecoration: 'none',
};

/**
 * A box's name that opens the box's own view (the transformation's is the global page itself); plain text where the
 * page cannot open it. `tabIndex` -1 where the surrounding grid has its own keys.
 */
export function BoxLink({ boxId, children, testId, tabIndex }: { boxId: string; children: ReactNode; testId?: string; tabIndex?: number }) {
  const open = useOpenBox();
  const outside = useContext(OutsideBoxesContext);
  if (open === null || outside.has(boxId)) return <>{children}</>;
  return (
    <button type="button" tabIndex={tabIndex} data-testid={testId ?? `open-box-${boxId}`} style={linkStyle} onClick={() => open(boxId === 'root' ? null : boxId)} title="Open this box">
      {children}
    </button>
  );
}
