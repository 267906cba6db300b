/** The print view: marks the document so that the print stylesheet leaves only the report, then opens the browser's print. */

/** The class reports.css keys the print layout on. */
export const PRINTING_CLASS = 'report-printing';

interface PrintWindow {
  document: { documentElement: { classList: { add(name: string): void; remove(name: string): void } } };
  addEventListener(type: 'afterprint', listener: () => void, options: { once: boolean }): void;
  print(): void;
}

/** Opens the print dialog for the report on the page; the mark goes once printing is over (or was cancelled). */
export function printReport(win: PrintWindow = window): void {
  const { classList } = win.document.documentElement;
  classList.add(PRINTING_CLASS);
  win.addEventListener('afterprint', () => classList.remove(PRINTING_CLASS), { once: true });
  win.print();
}
