import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printReport, PRINTING_CLASS } from '../../../static/src/components/reports/printing';

/** A window that records what happens to it, in order. */
function fakeWindow() {
  const log: string[] = [];
  const listeners: (() => void)[] = [];
  const win = {
    document: { documentElement: { classList: { add: (name: string) => log.push(`add ${name}`), remove: (name: string) => log.push(`remove ${name}`) } } },
    addEventListener: (type: string, listener: () => void, options: { once: boolean }) => {
      log.push(`listen ${type} once=${options.once}`);
      listeners.push(listener);
    },
    print: () => log.push('print'),
  };
  return { win, log, afterprint: () => listeners.forEach((l) => l()) };
}

describe('printReport', () => {
  it('marks the page for the print stylesheet, prints, and unmarks it once printing is over', () => {
    const { win, log, afterprint } = fakeWindow();
    printReport(win);
    expect(log).toEqual([`add ${PRINTING_CLASS}`, 'listen afterprint once=true', 'print']);
    afterprint();
    expect(log[log.length - 1]).toBe(`remove ${PRINTING_CLASS}`);
  });

  it('uses the class the stylesheet names', () => {
    expect(PRINTING_CLASS).toBe('report-printing');
  });
});

describe('the print stylesheet', () => {
  const css = readFileSync(path.join(__dirname, '../../../static/src/components/reports/reports.css'), 'utf8');

  it('hides the rest of the page only while the report prints, and the report’s own controls always', () => {
    expect(css).toContain('@media print');
    expect(css).toContain(`html.${PRINTING_CLASS} body *:not(:has(.report-print-area))`);
    expect(css).toMatch(/\.report-print-area \.report-no-print,\s*\.report-print-area \[role='tablist'\]/);
  });
});
