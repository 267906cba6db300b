import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type PageKind } from './App';

const PAGE_BY_MODULE_TYPE: Record<string, PageKind> = {
  'jira:globalPage': 'global',
  'jira:projectPage': 'project',
  'jira:adminPage': 'admin',
};

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    await view.theme.enable();
    const context = await view.getContext();
    const type = typeof context.extension?.type === 'string' ? context.extension.type : '';
    root.render(
      <StrictMode>
        <App page={PAGE_BY_MODULE_TYPE[type] ?? 'global'} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<p role="alert">Transformation Office could not start: {error instanceof Error ? error.message : String(error)}</p>);
  }
}

void start();
