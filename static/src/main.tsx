import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type Page } from './App';

/** Which page Jira opened us as, from the module type and (on a project page) the project. */
function pageOf(context: Awaited<ReturnType<typeof view.getContext>>): Page {
  const extension = context.extension as { type?: unknown; project?: { key?: unknown } } | undefined;
  if (extension?.type === 'jira:adminPage') return { kind: 'admin' };
  const projectKey = extension?.project?.key;
  if (extension?.type === 'jira:projectPage' && typeof projectKey === 'string') return { kind: 'project', scope: { projectKey } };
  return { kind: 'global' };
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    await view.theme.enable();
    const context = await view.getContext();
    root.render(
      <StrictMode>
        <App page={pageOf(context)} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<p role="alert">Transformation Office could not start: {error instanceof Error ? error.message : String(error)}</p>);
  }
}

void start();
