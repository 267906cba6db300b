import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useState } from 'react';
import type { BaselineDto, ScopeDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { deleteBaseline, listBaselines, saveBaseline } from '../../services/invokes';
import { FilterSelect } from '../backlog/FilterSelect';

const label = (b: BaselineDto): string => `${b.name} · ${b.boxName} · ${b.createdAt.slice(0, 10)}`;
const note = (error: boolean) => ({ color: token(error ? 'color.text.danger' : 'color.text.subtle', '#44546F'), fontSize: '12px' });

interface Props {
  scope: ScopeDto;
  /** Whether this view has a box to baseline (the open box, or the page's one top box). */
  canSave: boolean;
  selected: string | null;
  onSelect: (id: string | null) => void;
}

/** Choose a baseline to compare the Overview and the roadmap with; save one of this box; an admin deletes one. */
export function BaselineBar({ scope, canSave, selected, onSelect }: Props) {
  const load = useCallback(() => listBaselines(scope), [scope]);
  const list = useResource(load);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ error: false, text: await work() });
      if (list.state === 'ready') list.reload();
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    act(async () => {
      const saved = await saveBaseline(scope, name);
      setName('');
      onSelect(saved.id);
      return `Saved “${saved.name}” of ${saved.boxName}.`;
    });
  const remove = (id: string) =>
    act(async () => {
      await deleteBaseline(id);
      onSelect(null);
      return 'The baseline was deleted.';
    });

  if (list.state === 'loading') return <span style={note(false)}>Loading baselines…</span>;
  if (list.state === 'error') return <span role="alert" style={note(true)}>Baselines could not be loaded: {list.message}</span>;
  const options = list.data.baselines.map((b) => ({ value: b.id, label: label(b) }));
  return (
    <section aria-label="Baselines" data-testid="baseline-bar" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}>
      <FilterSelect label="Compare with baseline" testId="baseline-select" options={options} value={options.find((o) => o.value === selected) ?? null} onChange={(id) => onSelect(id ?? null)} />
      {selected !== null && list.data.canDelete && (
        <Button spacing="compact" appearance="danger" isDisabled={busy} testId="baseline-delete" onClick={() => void remove(selected)}>
          Delete baseline
        </Button>
      )}
      {canSave && (
        <>
          <div style={{ width: 200 }}>
            <Textfield aria-label="New baseline name" placeholder="New baseline name" testId="baseline-name" isCompact maxLength={80} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          </div>
          <Button spacing="compact" isDisabled={busy || name.trim() === ''} isLoading={busy} testId="baseline-save" onClick={() => void save()}>
            Save baseline
          </Button>
        </>
      )}
      {message && (
        <span role={message.error ? 'alert' : 'status'} data-testid="baseline-note" style={note(message.error)}>
          {message.text}
        </span>
      )}
    </section>
  );
}
