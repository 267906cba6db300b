import { createContext, useContext, type Dispatch } from 'react';
import type { ConfigAction } from './configEditor';
import { NO_PROBLEMS, type ProblemIndex } from './problemPaths';

/** What every editor section needs: how to change the draft, whether it may, and the server's problems by field. */
export interface Editor {
  dispatch: Dispatch<ConfigAction>;
  readOnly: boolean;
  problems: ProblemIndex;
}

export const EditorContext = createContext<Editor>({ dispatch: () => undefined, readOnly: true, problems: NO_PROBLEMS });

export const useEditor = (): Editor => useContext(EditorContext);
