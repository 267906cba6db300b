import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { BacklogColumn, BacklogQueryDto, ScopeDto } from '../../../../src/contract';
import { searchBacklog } from '../../services/invokes';
import { countText } from './columns';
import { backlogCsv, csvFileName } from './csv';
import { collectAll, EXPORT_CAP } from './exportAll';

/** Hands the text to the browser as a file; the BOM lets spreadsheets read it as UTF-8. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Exports every row matching the query (up to 10,000), with the columns shown, as CSV. */
export function ExportCsvButton({ scope, query, columns, total }: { scope: ScopeDto; query: BacklogQueryDto; columns: BacklogColumn[]; total: number }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setNote(null);
    try {
      const result = await collectAll((q) => searchBacklog(scope, q), query);
      download(backlogCsv(result.items, columns), csvFileName(new Date()));
      const cut = result.capped ? ` The export stops at ${EXPORT_CAP.toLocaleString('en-US')} rows; narrow the filters for the rest.` : '';
      setNote({ error: false, text: `Exported ${countText(result.items.length)}.${cut}` });
    } catch (error) {
      setNote({ error: true, text: `The export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100', '8px') }}>
      <Button testId="backlog-export-csv" isDisabled={total === 0} isLoading={busy} onClick={() => void run()}>
        Export CSV
      </Button>
      {note && (
        <span role={note.error ? 'alert' : 'status'} data-testid="backlog-export-note" style={{ color: token(note.error ? 'color.text.danger' : 'color.text.subtle', '#44546F'), fontSize: '12px' }}>
          {note.text}
        </span>
      )}
    </span>
  );
}
