import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditableConceptDto, IssueEditFieldsDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { fetchEditFields } from '../../services/invokes';
import { ErrorState, Loading } from '../PanelState';
import { EditFieldInput } from './EditFieldInput';
import { useEditRefresh, useEdits } from './editsContext';
import { changedNames, draftChanges, shownValue, type Draft } from './fieldDraft';
import { PANEL_STYLE } from './panelStyle';
import { TransitionMenu } from './TransitionMenu';


function EditForm({ meta, concepts }: { meta: IssueEditFieldsDto; concepts: readonly EditableConceptDto[] }) {
  const edits = useEdits();
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);
  const fields = concepts.flatMap((c) => meta.fields.filter((f) => f.concept === c));
  const changes = draftChanges(meta.issueKey, fields, draft);
  const save = async () => {
    setSaving(true);
    if (await edits.change(`${meta.issueKey}: ${changedNames(changes)} changed`, changes)) setDraft({});
    setSaving(false);
  };
  return (
    <form
      aria-label={`Fields of ${meta.issueKey}`}
      style={{ display: 'grid', gap: token('space.150', '12px') }}
      onSubmit={(e) => {
        e.preventDefault();
        if (changes.length > 0) void save();
      }}
    >
      {fields.map((field) => (
        <EditFieldInput key={field.concept} field={field} value={shownValue(field, draft)} disabled={saving} onChange={(value) => setDraft((d) => ({ ...d, [field.concept]: value }))} />
      ))}
      {fields.some((f) => f.editable) && (
        <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
          <Button type="submit" appearance="primary" testId="issue-edit-save" isDisabled={changes.length === 0 || saving}>
            Save in Jira
          </Button>
          <Button testId="issue-edit-reset" isDisabled={Object.keys(draft).length === 0 || saving} onClick={() => setDraft({})}>
            Reset
          </Button>
        </div>
      )}
    </form>
  );
}

/**
 * A side panel to change one issue in Jira as the viewer: the fields its edit screen offers them (read-only with
 * Jira's reason otherwise), its status transitions where they may transition it. Escape closes it.
 */
export function IssueEditPanel({ issueKey, title, concepts, onClose }: { issueKey: string; title: string; concepts: readonly EditableConceptDto[]; onClose: () => void }) {
  const edits = useEdits();
  const load = useCallback(() => fetchEditFields(issueKey), [issueKey]);
  const meta = useResource(load, useEditRefresh());
  const heading = useRef<HTMLDivElement>(null);
  // Focus goes to the panel, and back to whatever opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => opener?.focus({ preventScroll: true });
  }, []);
  useEffect(() => heading.current?.focus(), [issueKey]);
  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby="issue-edit-title"
      data-testid="issue-edit-panel"
      data-issue={issueKey}
      style={PANEL_STYLE}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: token('space.100', '8px') }}>
        <div ref={heading} tabIndex={-1} id="issue-edit-title">
          <Heading size="small" as="h3">
            {issueKey}: {title}
          </Heading>
        </div>
        <Button appearance="subtle" testId="issue-edit-close" onClick={onClose}>
          Close
        </Button>
      </div>
      {edits.may(issueKey, 'transition') && <TransitionMenu issueKey={issueKey} />}
      {meta.state === 'loading' && <Loading label={`Reading ${issueKey}'s edit screen from Jira…`} />}
      {meta.state === 'error' && <ErrorState title={`${issueKey} could not be read`} message={meta.message} onRetry={meta.retry} />}
      {/* Read again after each write: the form starts from what Jira holds then. */}
      {meta.state === 'ready' && <EditForm key={JSON.stringify(meta.data)} meta={meta.data} concepts={concepts} />}
    </section>
  );
}
