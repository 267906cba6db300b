import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreatableKindDto, ScopeDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { fetchSettings, fetchTeamsConverted } from '../../services/invokes';
import { ErrorState, Loading } from '../PanelState';
import { useEdits } from './editsContext';
import { PANEL_STYLE } from './panelStyle';

const KINDS: Array<{ kind: CreatableKindDto; name: string }> = [
  { kind: 'risk', name: 'Risk' },
  { kind: 'milestone', name: 'Milestone' },
  { kind: 'actionItem', name: 'Action item' },
];

interface Choice {
  value: string;
  label: string;
}

const LABEL = { display: 'block', fontWeight: 600, marginBottom: token('space.050', '4px') } as const;

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div data-testid={id}>
      <label htmlFor={`${id}-input`} style={LABEL}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** Risk ratings offered by their labels; Jira's options for the mapped fields carry the same names. */
function LevelSelect({ id, label, labels, value, onChange }: { id: string; label: string; labels: readonly string[]; value: string | null; onChange: (v: string | null) => void }) {
  const options = labels.map((l) => ({ value: l, label: l }));
  return (
    <Field id={id} label={label}>
      <Select<Choice> inputId={`${id}-input`} options={options} value={options.find((o) => o.value === value) ?? null} isClearable spacing="compact" menuPosition="fixed" onChange={(o) => onChange(o?.value ?? null)} />
    </Field>
  );
}

export interface RiskLabels {
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
}

const NO_LABELS: RiskLabels = { likelihoodLabels: [], impactLabels: [] };

/** The risk scale's labels: those given, else the settings' (read once the form needs them). */
function useRiskLabels(given: RiskLabels | undefined): RiskLabels {
  const load = useCallback(() => (given ? Promise.resolve(given) : fetchSettings().then((s) => s.config.riskScale)), [given]);
  const labels = useResource(load);
  return labels.state === 'ready' ? labels.data : NO_LABELS;
}

/**
 * Creates a risk, milestone or action item under one of the scope's boxes, in that box's project, as the viewer:
 * only boxes of projects where Jira lets them create issues are offered.
 */
export function CreateIssuePanel({ scope, boxKey: givenBox, labels, onClose }: { scope: ScopeDto; boxKey?: string; labels?: RiskLabels; onClose: () => void }) {
  const edits = useEdits();
  // On a box's page, the boxes of that box's subtree.
  const load = useCallback(() => fetchTeamsConverted(scope), [scope]);
  const boxes = useResource(load);
  const scale = useRiskLabels(labels);
  const [kind, setKind] = useState<CreatableKindDto>('risk');
  const [boxKey, setBoxKey] = useState<string | null>(givenBox ?? null);
  const [summary, setSummary] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [likelihood, setLikelihood] = useState<string | null>(null);
  const [impact, setImpact] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLDivElement>(null);
  // Focus goes to the panel, and back to whatever opened it when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => opener?.focus({ preventScroll: true });
  }, []);
  useEffect(() => heading.current?.focus(), []);

  const choices: Choice[] = boxes.state === 'ready' ? boxes.data.rows.flatMap((r) => (r.key !== null && edits.may(r.key, 'create') ? [{ value: r.key, label: `${r.name} (${r.key})` }] : [])) : [];
  const ready = boxKey !== null && summary.trim() !== '' && !saving;
  const submit = async () => {
    if (!ready) return;
    setSaving(true);
    const created = await edits.create({ kind, boxKey, summary: summary.trim(), dueDate: dueDate || null, likelihood, impact });
    setSaving(false);
    if (created) onClose();
  };
  return (
    <section role="dialog" aria-modal="false" aria-labelledby="create-issue-title" data-testid="create-issue-panel" style={PANEL_STYLE} onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start' }}>
        <div ref={heading} tabIndex={-1} id="create-issue-title">
          <Heading size="small" as="h3">
            New in Jira
          </Heading>
        </div>
        <Button appearance="subtle" testId="create-issue-close" onClick={onClose}>
          Close
        </Button>
      </div>
      {boxes.state === 'loading' && <Loading label="Reading the boxes…" />}
      {boxes.state === 'error' && <ErrorState title="The boxes could not be read" message={boxes.message} onRetry={boxes.retry} />}
      {boxes.state === 'ready' && (
        <form
          aria-label="New issue under a box"
          style={{ display: 'grid', gap: token('space.150', '12px') }}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div role="group" aria-label="What to create" style={{ display: 'flex', gap: token('space.050', '4px') }}>
            {KINDS.map((k) => (
              <Button key={k.kind} isSelected={kind === k.kind} aria-pressed={kind === k.kind} testId={`create-kind-${k.kind}`} onClick={() => setKind(k.kind)}>
                {k.name}
              </Button>
            ))}
          </div>
          <Field id="create-box" label="Under the box">
            <Select<Choice> inputId="create-box-input" options={choices} value={choices.find((c) => c.value === boxKey) ?? null} spacing="compact" menuPosition="fixed" placeholder={choices.length ? 'Choose a box' : 'Jira lets you create in none of these boxes’ projects'} onChange={(c) => setBoxKey(c?.value ?? null)} />
          </Field>
          <Field id="create-summary" label="Summary">
            <Textfield id="create-summary-input" value={summary} maxLength={255} onChange={(e) => setSummary(e.currentTarget.value)} />
          </Field>
          {kind === 'risk' ? (
            <>
              <LevelSelect id="create-likelihood" label="Likelihood" labels={scale.likelihoodLabels} value={likelihood} onChange={setLikelihood} />
              <LevelSelect id="create-impact" label="Impact" labels={scale.impactLabels} value={impact} onChange={setImpact} />
            </>
          ) : (
            <Field id="create-due" label="Due date">
              <Textfield id="create-due-input" type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
            </Field>
          )}
          <div>
            <Button type="submit" appearance="primary" testId="create-issue-save" isDisabled={!ready}>
              Create in Jira
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
