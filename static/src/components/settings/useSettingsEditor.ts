import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ConfigProblemDto, SavedSettingsDto, SettingsDto, TransformationConfigDto } from '../../../../src/contract';
import { ResolverCallError, saveSettings } from '../../services/invokes';
import { configReducer } from './configEditor';
import { changedSections } from './dirty';
import { indexProblems, NO_PROBLEMS, problemPlace, type ProblemIndex } from './problemPaths';

export interface ShownProblems {
  index: ProblemIndex;
  /** For the summary: where, and what. */
  list: { place: string; message: string }[];
}

export type Notice = { kind: 'saved' | 'error' | 'info'; text: string };
export interface Conflict {
  message: string;
  revisions?: { base: number; current: number };
}

/** Groups the server's problems by field, reading box type positions from the configuration they were found in. */
export function showProblems(problems: readonly ConfigProblemDto[], config: TransformationConfigDto): ShownProblems {
  return { index: indexProblems(problems, config), list: problems.map((p) => ({ place: problemPlace(p.path, config), message: p.message })) };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The draft of the settings, its save, and what the server said about it. A new `settings` resets the draft. */
export function useSettingsEditor(settings: SettingsDto, applySaved: (config: TransformationConfigDto, saved: SavedSettingsDto) => void) {
  const [draft, dispatch] = useReducer(configReducer, settings.config);
  const [base, setBase] = useState(settings);
  const [problems, setProblems] = useState<ShownProblems | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  if (base !== settings) {
    setBase(settings);
    dispatch({ type: 'reset', config: settings.config });
    setProblems(null);
    setConflict(null);
  }
  const latest = useRef(draft);
  latest.current = draft;
  const changes = changedSections(settings.config, draft);

  useEffect(() => {
    if (changes.length === 0) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changes.length]);

  const save = useCallback(async () => {
    const sent = latest.current;
    setSaving(true);
    setNotice(null);
    setProblems(null);
    setConflict(null);
    try {
      const saved = await saveSettings(sent, settings.revision);
      applySaved(sent, saved);
      setNotice({ kind: 'saved', text: `Saved as revision ${saved.revision}.` });
    } catch (error) {
      if (error instanceof ResolverCallError && error.code === 'CONFLICT') setConflict({ message: error.message, revisions: error.details?.revisions });
      else if (error instanceof ResolverCallError && error.details?.problems?.length) setProblems(showProblems(error.details.problems, sent));
      else setNotice({ kind: 'error', text: `The settings were not saved: ${messageOf(error)}` });
    } finally {
      setSaving(false);
    }
  }, [settings.revision, applySaved]);

  return { draft, dispatch, changes, problems, setProblems, conflict, notice, setNotice, saving, save, problemIndex: problems?.index ?? NO_PROBLEMS };
}
