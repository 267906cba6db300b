import { useCallback, useMemo, useRef, useState } from 'react';
import type { CreateIssueRequestDto, EditCapabilitiesDto, FieldChangeDto, FieldChangeRequestDto, TransitionOptionDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { applyTransition, changeField, createIssue, fetchEditCapabilities, fetchTransitions, ResolverCallError, uncreateIssue } from '../../services/invokes';
import { EditNoticeMessage } from './EditNoticeMessage';
import { undoRequests, type EditNotice } from './editNotice';
import { EditRefreshContext, EditsContext, projectOfKey, type EditsApi } from './editsContext';
import { useRefreshCount } from './useRefreshCount';

const KIND_NAMES = { risk: 'Risk', milestone: 'Milestone', actionItem: 'Action item' } as const;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A failed write as the user sees it: a conflict names what Jira holds now, anything else what happened. */
function failure(error: unknown, what: string, written: number): EditNotice {
  const conflict = error instanceof ResolverCallError && error.code === 'CONFLICT';
  const partly = written > 0 ? ` ${written} of the changes before it ${written === 1 ? 'was' : 'were'} written.` : ' Nothing was written.';
  return conflict ? { kind: 'conflict', text: `${what}: not saved. ${messageOf(error)}` } : { kind: 'failed', text: `${what}: not saved. ${messageOf(error)}${written > 0 ? partly : ''}` };
}

/**
 * The page's edits: where the viewer may change what (one bulk permission check as the viewer), the writes, the
 * message after each with its one Undo, and the refresh count that makes the panels read Jira again.
 */
export function EditsProvider({ children }: { children: React.ReactNode }) {
  const capabilities = useResource(fetchEditCapabilities);
  const [notice, setNotice] = useState<EditNotice | null>(null);
  const { refresh, written, sourceRead } = useRefreshCount();
  const known = useRef<EditCapabilitiesDto | null>(null);
  known.current = capabilities.state === 'ready' ? capabilities.data : null;

  const writeAll = useCallback(async (changes: FieldChangeRequestDto[]) => {
    const done: FieldChangeDto[] = [];
    try {
      for (const change of changes) done.push(await changeField(change));
      return { done, error: null };
    } catch (error) {
      return { done, error };
    }
  }, []);

  const undoChanges = useCallback(
    async (what: string, done: FieldChangeDto[]) => {
      const result = await writeAll(undoRequests(done));
      written();
      setNotice(result.error === null ? { kind: 'undone', text: `Undone: ${what}.` } : failure(result.error, `Undo of “${what}”`, result.done.length));
    },
    [writeAll, written],
  );

  const change = useCallback(
    async (what: string, changes: FieldChangeRequestDto[]) => {
      const result = await writeAll(changes);
      // Read again whatever happened: a conflict shows what Jira holds now, a partial write what was written.
      written();
      const undo = result.done.length > 0 ? () => void undoChanges(what, result.done) : null;
      setNotice(result.error === null ? { kind: 'done', text: `${what}.`, undo } : failure(result.error, what, result.done.length));
      return result.error === null;
    },
    [writeAll, undoChanges, written],
  );

  const undoTransition = useCallback(
    async (issueKey: string, from: string, to: string) => {
      try {
        const offered = await fetchTransitions(issueKey);
        const back = offered.transitions.find((t) => t.toStatus === from && t.requiredFields.length === 0);
        if (!back) throw new Error(`Jira offers no transition from “${offered.status}” back to “${from}” without a screen.`);
        await applyTransition({ issueKey, transitionId: back.id, expectedStatus: to });
        setNotice({ kind: 'undone', text: `Undone: ${issueKey} is “${from}” again.` });
      } catch (error) {
        setNotice(failure(error, `Undo of ${issueKey}’s move to “${to}”`, 0));
      }
      written();
    },
    [written],
  );

  const transition = useCallback(
    async (issueKey: string, option: TransitionOptionDto, expectedStatus: string) => {
      try {
        const moved = await applyTransition({ issueKey, transitionId: option.id, expectedStatus });
        written();
        setNotice({ kind: 'done', text: `${issueKey} moved from “${moved.previousStatus}” to “${moved.status}”.`, undo: () => void undoTransition(issueKey, moved.previousStatus, moved.status) });
        return true;
      } catch (error) {
        written();
        setNotice(failure(error, `${issueKey} to “${option.toStatus}”`, 0));
        return false;
      }
    },
    [undoTransition, written],
  );

  const create = useCallback(
    async (request: CreateIssueRequestDto) => {
      const what = `${KIND_NAMES[request.kind]} “${request.summary.trim()}” under ${request.boxKey}`;
      try {
        const created = await createIssue(request);
        written();
        const undo = async () => {
          try {
            await uncreateIssue(created.key);
            setNotice({ kind: 'undone', text: `Undone: ${created.key} was deleted.` });
          } catch (error) {
            setNotice(failure(error, `Undo of ${created.key}`, 0));
          }
          written();
        };
        setNotice({ kind: 'done', text: `${created.key} created: ${what}.`, undo: () => void undo() });
        return created.key;
      } catch (error) {
        setNotice(failure(error, what, 0));
        return null;
      }
    },
    [written],
  );

  const api = useMemo<EditsApi>(
    () => ({
      may: (issueKey, what) => Boolean(issueKey && known.current?.[what].includes(projectOfKey(issueKey))),
      change,
      transition,
      mayCreateSomewhere: () => (known.current?.create.length ?? 0) > 0,
      create,
      sourceRead,
    }),
    // The capabilities arriving is the one time `may` answers differently.
    [change, transition, create, sourceRead, capabilities.state],
  );
  return (
    <EditsContext.Provider value={api}>
      <EditRefreshContext.Provider value={refresh}>
        {children}
        {notice && <EditNoticeMessage notice={notice} onDismiss={() => setNotice(null)} onUndo={() => setNotice((n) => (n?.kind === 'done' ? { ...n, undo: null } : n))} />}
      </EditRefreshContext.Provider>
    </EditsContext.Provider>
  );
}
