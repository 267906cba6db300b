import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { downloadCsv } from './download';
import { printReport } from './printing';

/** Export CSV and the print view of the report on show; neither prints. */
export function ReportActions({ title, csv, fileName }: { title: string; csv: () => string; fileName: () => string }) {
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const exportCsv = () => {
    try {
      const name = fileName();
      downloadCsv(csv(), name);
      setNote({ error: false, text: `Saved ${name}.` });
    } catch (error) {
      setNote({ error: true, text: `The export failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <div className="report-no-print" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}>
      {note && (
        <span role={note.error ? 'alert' : 'status'} data-testid="report-export-note" style={{ color: token(note.error ? 'color.text.danger' : 'color.text.subtle', '#44546F'), fontSize: '12px' }}>
          {note.text}
        </span>
      )}
      <Button testId="report-export-csv" aria-label={`Export CSV of the ${title.toLowerCase()}`} onClick={exportCsv}>
        Export CSV
      </Button>
      <Button testId="report-print" aria-label={`Print view of the ${title.toLowerCase()}`} onClick={() => printReport()}>
        Print view
      </Button>
    </div>
  );
}
