import { token } from '@atlaskit/tokens';
import type { BreadcrumbDto } from '../../../src/contract';
import { useOpenBox } from '../navigation/openBox';

const link = { background: 'none', border: 'none', padding: 0, font: 'inherit', color: token('color.link', '#0C66E4'), cursor: 'pointer' };
const separator = <span aria-hidden style={{ color: token('color.text.subtlest', '#626F86') }}>/</span>;

/**
 * Where the open box sits: the transformation, then each box down to it (the last one is the page itself). The first
 * crumb goes back to the page's own scope; a box this page cannot open (above a project's boxes) is plain text.
 */
export function Breadcrumbs({ crumbs, homeLabel }: { crumbs: readonly BreadcrumbDto[]; homeLabel: string | null }) {
  const open = useOpenBox();
  const last = crumbs.length - 1;
  return (
    <nav aria-label="Breadcrumbs" data-testid="breadcrumbs">
      <ol style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075', '6px'), listStyle: 'none', margin: 0, padding: 0, fontSize: '14px' }}>
        {homeLabel !== null && (
          <li style={{ display: 'inline-flex', gap: token('space.075', '6px') }}>
            <button type="button" data-testid="breadcrumb-home" onClick={() => open?.(null)} style={link}>
              {homeLabel}
            </button>
            {separator}
          </li>
        )}
        {crumbs.map((crumb, index) => (
          <li key={crumb.id} style={{ display: 'inline-flex', gap: token('space.075', '6px') }} data-testid={`breadcrumb-${crumb.id}`}>
            {index === last ? (
              <span aria-current="page" style={{ fontWeight: 600 }}>
                {crumb.name}
              </span>
            ) : crumb.openable && open !== null ? (
              // The transformation itself is the global page's own view, not a box of it.
              <button type="button" data-testid={`breadcrumb-open-${crumb.id}`} style={link} onClick={() => open(crumb.id === 'root' ? null : crumb.id)}>
                {crumb.name}
              </button>
            ) : (
              <span style={{ color: token('color.text.subtle', '#44546F') }}>{crumb.name}</span>
            )}
            {index < last && separator}
          </li>
        ))}
      </ol>
    </nav>
  );
}
