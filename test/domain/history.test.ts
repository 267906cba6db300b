import { indexHistory, parseInstant, statusCategoryAt, valueAt } from '../../src/domain';
import type { FieldChange } from '../../src/domain';
import { workItem } from './factories';

const stage = (at: string, from: string | null, to: string | null, key = 'T-1'): FieldChange => ({ key, at, concept: 'conversionStage', from, to });

describe('valueAt', () => {
  // Out of order on purpose: Piloting on 02-10, Converted on 03-04.
  const changes = [stage('2026-03-04T10:00:00Z', 'Piloting', 'Converted'), stage('2026-02-10T10:00:00Z', 'Not started', 'Piloting'), stage('2026-01-01T00:00:00Z', 'x', 'y', 'T-2')];

  it('is the `to` of the last change at or before the instant', () => {
    expect(valueAt(changes, 'T-1', 'conversionStage', '2026-02-10T10:00:00Z', 'Converted')).toBe('Piloting'); // at the change itself
    expect(valueAt(changes, 'T-1', 'conversionStage', '2026-03-01', 'Converted')).toBe('Piloting');
    expect(valueAt(changes, 'T-1', 'conversionStage', '2026-03-05T00:00:00+01:00', 'Converted')).toBe('Converted');
  });

  it('is the first change\'s `from` before it, and the current value without changes', () => {
    expect(valueAt(changes, 'T-1', 'conversionStage', '2026-02-10T09:59:59Z', 'Converted')).toBe('Not started');
    expect(valueAt(changes, 'T-3', 'conversionStage', '2026-02-10T09:59:59Z', 'Sustaining')).toBe('Sustaining');
    expect(valueAt(changes, 'T-1', 'stageGate', '2026-02-10T09:59:59Z', null)).toBeNull();
  });

  it('keeps the input order of changes at the same instant, and ignores changes at no instant', () => {
    const same = [stage('2026-02-10T10:00:00Z', 'A', 'B'), stage('2026-02-10T10:00:00Z', 'B', 'C'), stage('yesterday', 'C', 'Z')];
    expect(valueAt(same, 'T-1', 'conversionStage', '2026-02-11', 'C')).toBe('C');
    expect(valueAt(indexHistory(same), 'T-1', 'conversionStage', '2026-02-01', 'C')).toBe('A');
  });
});

describe('statusCategoryAt', () => {
  const item = workItem({ key: 'S-1', status: 'Shipped', statusCategory: 'done' });
  const changes: FieldChange[] = [
    { key: 'S-1', at: '2026-02-01T00:00:00Z', concept: 'status', from: 'To Do', to: 'in progress' },
    { key: 'S-1', at: '2026-03-01T00:00:00Z', concept: 'status', from: 'In Progress', to: 'Shipped' },
  ];
  const categories = { 'TO DO': 'new', 'In Progress': 'indeterminate' } as const;

  it('looks the status then up case-insensitively', () => {
    expect(statusCategoryAt(changes, categories, item, '2026-01-15')).toBe('new');
    expect(statusCategoryAt(changes, categories, item, '2026-02-15')).toBe('indeterminate');
  });

  it('takes the issue\'s own category for its current status when the site does not list it, else unknown', () => {
    expect(statusCategoryAt(changes, categories, item, '2026-03-02')).toBe('done');
    expect(statusCategoryAt([{ ...(changes[0] as FieldChange), to: 'Archived' }], categories, item, '2026-02-15')).toBeNull();
    expect(statusCategoryAt([], {}, item, '2020-01-01')).toBe('done');
  });
});

describe('parseInstant', () => {
  it('reads ISO dates and timestamps, a timestamp without zone as UTC', () => {
    expect(parseInstant('2026-03-01')).toBe(Date.UTC(2026, 2, 1));
    expect(parseInstant('2026-03-01T10:00:00')).toBe(Date.UTC(2026, 2, 1, 10));
    expect(parseInstant('2026-03-01T10:00:00.000+0100')).toBe(Date.UTC(2026, 2, 1, 9));
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseInstant('soon')).toBeNull();
    expect(parseInstant(null)).toBeNull();
  });
});
