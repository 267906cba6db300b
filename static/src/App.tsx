import { lazy, Suspense } from 'react';
import { token } from '@atlaskit/tokens';
import type { ScopeDto } from '../../src/contract';
import { Loading } from './components/PanelState';

// Each page's code loads only on the page that needs it.
const TransformationPage = lazy(() => import('./pages/TransformationPage').then((m) => ({ default: m.TransformationPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));

export type Page = { kind: 'global' } | { kind: 'project'; scope: ScopeDto } | { kind: 'admin' };

const WHOLE_TRANSFORMATION: ScopeDto = { projectKey: null };

export function App({ page }: { page: Page }) {
  return (
    <main style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D'), background: token('elevation.surface', '#FFFFFF'), minHeight: '100vh' }}>
      <Suspense fallback={<Loading label="Loading…" />}>
        {page.kind === 'admin' ? <SettingsPage /> : <TransformationPage scope={page.kind === 'project' ? page.scope : WHOLE_TRANSFORMATION} />}
      </Suspense>
    </main>
  );
}
