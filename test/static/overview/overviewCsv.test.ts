import { overviewCsv, overviewFileName } from '../../../static/src/components/overview/overviewCsv';
import { TREE } from './rows';

describe('the Overview as CSV', () => {
  const lines = overviewCsv(TREE).split('\r\n');

  it('has a header and one record per box, each line ending with CRLF', () => {
    expect(lines[0]).toBe('Key,Name,Type,Level,Parent,Progress,Progress basis,Progress method,Start,Due,Schedule,Teams converted,Teams,Open risks critical,Open risks high,Open risks medium,Open risks low,Open risks unscored,Owner,Sponsor');
    expect(lines).toHaveLength(TREE.length + 2);
    expect(lines.at(-1)).toBe('');
    expect(lines[4]).toBe('A2,Box A2,Initiative,2,A,10.0 %,,issue count,,,on track,0,0,0,1,0,0,0,,');
  });

  it('defuses a formula in any cell (the backlog\'s guard) and quotes what needs it', () => {
    expect(lines[6]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('adds the baseline\'s dates, the slip and the progress change when rows are compared with one', () => {
    const compared = TREE.map((row, index) => ({ ...row, baseline: index === 0 ? { start: '2026-01-01', due: '2026-04-17', slipDays: 14, progressDelta: -0.05 } : null }));
    const [header, first, second] = overviewCsv(compared, true).split('\r\n');
    expect(header).toMatch(/,Owner,Sponsor,Baseline start,Baseline due,Slip,Progress change$/);
    expect(first).toMatch(/,Zoe,,2026-01-01,2026-04-17,14 days later,5\.0 points lower$/);
    expect(second).toMatch(/,,,,,,$/);
  });

  it('is named by the local date', () => {
    expect(overviewFileName(new Date(2026, 2, 7, 23, 30))).toBe('boxes-2026-03-07.csv');
  });
});
