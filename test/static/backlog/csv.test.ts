import { backlogCsv, csvField, csvFileName, toCsv } from '../../../static/src/components/backlog/csv';
import { item } from './items';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Team Alpha')).toBe('Team Alpha');
    expect(csvField('')).toBe('');
  });

  it('quotes fields with a comma, a quote or a line break and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('"')).toBe('""""');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('defuses a formula: %j becomes %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('defuses first, then quotes', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('-a,b')).toBe(`"'-a,b"`);
  });

  it('does not touch formula characters later in the text', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('2025-03-07')).toBe('2025-03-07');
  });

  it('keeps unicode as it is', () => {
    expect(csvField('Équipe ✓ 東京 👩‍💻')).toBe('Équipe ✓ 東京 👩‍💻');
    expect(csvField('Zoë, "café"')).toBe('"Zoë, ""café"""');
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd,e']])).toBe('a,b\r\nc,"d,e"\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('backlogCsv', () => {
  it('has a header of the column labels and the shown columns only, in order', () => {
    const csv = backlogCsv([item(), item({ key: 'DTO-2', summary: '=cmd|calc', assignee: 'Zoë', labels: ['a', 'b'], storyPoints: null, riskBand: 'high' })], ['key', 'summary', 'assignee', 'labels', 'storyPoints', 'riskBand', 'schedule']);
    expect(csv.split('\r\n')).toEqual([
      'Key,Summary,Assignee,Labels,Story points,Risk band,Schedule',
      'DTO-1,Train the trainers,,,3,,On track',
      `DTO-2,'=cmd|calc,Zoë,"a, b",,High,On track`,
      '',
    ]);
  });
});

describe('csvFileName', () => {
  it('names the file by the local date', () => {
    expect(csvFileName(new Date(2025, 2, 7, 23, 59))).toBe('backlog-2025-03-07.csv');
    expect(csvFileName(new Date(2024, 11, 31))).toBe('backlog-2024-12-31.csv');
  });
});
