import { Checkbox } from '@atlaskit/checkbox';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { EditableFieldDto, EditValueDto } from '../../../../src/contract';
import { valueText } from './editNotice';
import { CONCEPT_LABELS } from './fieldDraft';

const subtle = { color: token('color.text.subtle', '#44546F'), fontSize: '12px' };
const LEVELS = [1, 2, 3, 4, 5];

interface Props {
  field: EditableFieldDto;
  value: EditValueDto;
  onChange: (value: EditValueDto) => void;
  disabled: boolean;
}

interface Choice {
  value: string;
  label: string;
}

/** One concept's input; a field the viewer may not change shows its value and Jira's reason instead. */
export function EditFieldInput({ field, value, onChange, disabled }: Props) {
  const id = `edit-field-${field.concept}`;
  const label = CONCEPT_LABELS[field.concept];
  if (!field.editable) {
    return (
      <div data-testid={`${id}-read-only`}>
        <strong>{label}</strong>: {valueText(field.current)}
        <div style={subtle} data-testid={`${id}-reason`}>
          Read-only: {field.reason}
        </div>
      </div>
    );
  }
  if (field.concept === 'flagged') {
    return <Checkbox testId={id} label="Flagged as a blocker" isChecked={value === true} isDisabled={disabled} onChange={(e) => onChange(e.target.checked)} />;
  }
  const labelled = (input: React.ReactNode) => (
    <div data-testid={id} data-value={valueText(value)}>
      <label htmlFor={`${id}-input`} style={{ display: 'block', fontWeight: 600, marginBottom: token('space.050', '4px') }}>
        {label}
      </label>
      {input}
    </div>
  );
  if (field.concept === 'startDate' || field.concept === 'dueDate') {
    return labelled(<Textfield id={`${id}-input`} type="date" value={typeof value === 'string' ? value : ''} isDisabled={disabled} onChange={(e) => onChange(e.currentTarget.value || null)} />);
  }
  if (field.concept === 'mitigation') {
    return labelled(<TextArea id={`${id}-input`} value={typeof value === 'string' ? value : ''} isDisabled={disabled} minimumRows={3} onChange={(e) => onChange(e.currentTarget.value)} />);
  }
  // Option fields offer Jira's options; a number field the levels 1 to 5.
  const choices: Choice[] = field.options ? field.options.map((o) => ({ value: o, label: o })) : LEVELS.map((n) => ({ value: String(n), label: String(n) }));
  const chosen = value === null ? null : (choices.find((c) => c.value === String(value)) ?? { value: String(value), label: String(value) });
  return labelled(
    <Select<Choice>
      inputId={`${id}-input`}
      options={choices}
      value={chosen}
      isDisabled={disabled}
      isClearable
      spacing="compact"
      menuPosition="fixed"
      onChange={(c) => onChange(c === null ? null : field.options ? c.value : Number(c.value))}
    />,
  );
}
