import type { EditableFieldDto } from '../../../src/contract';
import { undoRequests, valueText } from '../../../static/src/components/edits/editNotice';
import { changedNames, draftChanges, shownValue } from '../../../static/src/components/edits/fieldDraft';

const field = (concept: EditableFieldDto['concept'], current: EditableFieldDto['current'], editable = true): EditableFieldDto => ({ concept, editable, reason: editable ? null : 'Not on the edit screen.', current, options: null });
const fields = [field('riskLikelihood', 'Possible'), field('mitigation', null), field('flagged', null), field('residualImpact', 'Minor', false)];

describe('an issue’s edit form', () => {
  it('shows Jira’s value until the user changes it; a flag Jira holds none of reads unflagged', () => {
    expect(shownValue(fields[0] as EditableFieldDto, {})).toBe('Possible');
    expect(shownValue(fields[0] as EditableFieldDto, { riskLikelihood: 'Likely' })).toBe('Likely');
    expect(shownValue(fields[2] as EditableFieldDto, {})).toBe(false);
  });

  it('writes only the editable fields the user changed, each expecting what Jira held', () => {
    const draft = { riskLikelihood: 'Likely', mitigation: 'Second supplier', flagged: false, residualImpact: 'Severe' };
    const changes = draftChanges('DTO-19', fields, draft);
    expect(changes).toEqual([
      { issueKey: 'DTO-19', concept: 'riskLikelihood', value: 'Likely', expected: 'Possible' },
      { issueKey: 'DTO-19', concept: 'mitigation', value: 'Second supplier', expected: null },
    ]);
    expect(changedNames(changes)).toBe('Likelihood, Mitigation');
    // Changed back to Jira's value: nothing to write.
    expect(draftChanges('DTO-19', fields, { riskLikelihood: 'Possible' })).toEqual([]);
  });
});

describe('after a write', () => {
  it('undo writes the previous values back, last change first, expecting what was written', () => {
    const done = [
      { issueKey: 'PAY-1', concept: 'startDate' as const, previous: '2026-03-02', current: '2026-03-09' },
      { issueKey: 'PAY-1', concept: 'dueDate' as const, previous: '2026-03-31', current: '2026-03-31' },
      { issueKey: 'PAY-1', concept: 'riskImpact' as const, previous: null, current: 'Major' },
    ];
    expect(undoRequests(done)).toEqual([
      { issueKey: 'PAY-1', concept: 'riskImpact', value: null, expected: 'Major' },
      { issueKey: 'PAY-1', concept: 'startDate', value: '2026-03-02', expected: '2026-03-09' },
    ]);
  });

  it('says values in words', () => {
    expect([valueText(null), valueText(''), valueText(true), valueText(false), valueText(['A', 'B']), valueText(3)]).toEqual(['empty', 'empty', 'flagged', 'not flagged', 'A, B', '3']);
  });
});
