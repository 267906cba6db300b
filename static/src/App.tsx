import { lazy, Suspense } from 'react';
import { token } from '@atlaskit/tokens';
import { Loading } from './components/PanelState';

// Each page's code loads only on the page that needs it.
const OverviewPage = lazy(() => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));

export type PageKind = 'global' | 'project' | 'admin';

export function App({ page }: { page: PageKind }) {
  return (
    <main style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D'), background: token('elevation.surface', '#FFFFFF'), minHeight: '100vh' }}>
      <Suspense fallback={<Loading label="Loading…" />}>{page === 'admin' ? <SettingsPage /> : <OverviewPage />}</Suspense>
    </main>
  );
}
