import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { SavedSettingsDto } from '../../../../src/contract';
import { exportSettings, importSettings, ResolverCallError } from '../../services/invokes';
import { downloadText } from './download';

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; testId: string; text: string; problems: { path: string; message: string }[] };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface Props {
  revision: number;
  readOnly: boolean;
  dirty: boolean;
  onImported: (saved: SavedSettingsDto) => void;
}

/** Export the saved settings as a JSON file; import one (file or pasted), which the server checks before writing anything. */
export function ImportExport({ revision, readOnly, dirty, onImported }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (what: 'export' | 'import') => {
    setBusy(what);
    setOutcome(null);
    try {
      if (what === 'export') {
        const exported = await exportSettings();
        downloadText(exported.json, exported.fileName);
        setOutcome({ kind: 'ok', text: `Downloaded ${exported.fileName} (revision ${exported.revision}).` });
      } else {
        const saved = await importSettings(text, revision);
        setText('');
        onImported(saved);
      }
    } catch (error) {
      const problems = error instanceof ResolverCallError ? (error.details?.problems ?? []) : [];
      setOutcome({ kind: 'error', testId: what === 'export' ? 'settings-export-error' : 'settings-import-problems', text: `${what === 'export' ? 'The export' : 'The import'} failed: ${messageOf(error)}`, problems });
    } finally {
      setBusy(null);
    }
  };
  const readFile = (file: File | undefined) => {
    if (!file) return;
    file.text().then(setText, (error: unknown) => setOutcome({ kind: 'error', testId: 'settings-import-problems', text: `The file could not be read: ${messageOf(error)}`, problems: [] }));
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
        <Button testId="settings-export" isLoading={busy === 'export'} onClick={() => void run('export')}>
          Export settings
        </Button>
        <span style={{ color: token('color.text.subtle', '#44546F') }}>Downloads the saved settings (revision {revision}) as JSON, to keep or to import on another site.</span>
      </div>
      {!readOnly && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075', '6px'), maxWidth: 720 }}>
          <Label htmlFor="settings-import-file">Import from a file</Label>
          <input id="settings-import-file" data-testid="settings-import-file" type="file" accept=".json,application/json" onChange={(e) => readFile(e.currentTarget.files?.[0])} />
          <Label htmlFor="settings-import-text">…or paste exported JSON</Label>
          <TextArea id="settings-import-text" testId="settings-import-text" minimumRows={4} maxHeight="240px" isMonospaced value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <span style={{ color: token('color.text.subtle', '#44546F') }}>
            The server checks the whole file first and writes nothing unless all of it is valid; older exports are upgraded.
            {dirty && ' Importing replaces the saved settings and discards your unsaved changes on this page.'}
          </span>
          <div>
            <Button testId="settings-import" isDisabled={!text.trim()} isLoading={busy === 'import'} onClick={() => void run('import')}>
              Import settings
            </Button>
          </div>
        </div>
      )}
      {outcome && (
        <SectionMessage appearance={outcome.kind === 'ok' ? 'success' : 'error'} testId={outcome.kind === 'ok' ? 'settings-export-done' : outcome.testId}>
          <p role={outcome.kind === 'ok' ? 'status' : 'alert'}>{outcome.text}</p>
          {outcome.kind === 'error' && outcome.problems.length > 0 && (
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{p.path}</code>} {p.message}
                </li>
              ))}
            </ul>
          )}
        </SectionMessage>
      )}
    </div>
  );
}
