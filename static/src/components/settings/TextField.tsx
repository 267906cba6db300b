import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type ReactNode } from 'react';
import { FieldBlock } from './FieldBlock';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  testId?: string;
  problems?: readonly string[];
  hint?: ReactNode;
  width?: number | string;
  placeholder?: string;
}

/** A labelled text input that changes the draft as you type. */
export function TextField({ id, label, value, onChange, readOnly, testId, problems, hint, width, placeholder }: Props) {
  return (
    <FieldBlock id={id} label={label} problems={problems} hint={hint} width={width}>
      {(a11y) => (
        <Textfield
          id={a11y.id}
          aria-describedby={a11y['aria-describedby']}
          isInvalid={a11y.isInvalid}
          isReadOnly={readOnly}
          isCompact
          testId={testId}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </FieldBlock>
  );
}

/**
 * A comma-separated list ("PAY, OPS"): typed freely, read into the draft when the field is left or Enter is pressed,
 * and shown again from the draft whenever the draft's list changes.
 */
export function ListField({ values, onChange, parse, ...rest }: Omit<Props, 'value' | 'onChange'> & { values: readonly string[]; onChange: (values: string[]) => void; parse: (text: string) => string[] }) {
  const joined = values.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => setText(joined), [joined]);
  const commit = () => {
    const next = parse(text);
    if (next.join(', ') !== joined) onChange(next);
    else setText(joined);
  };
  return (
    <FieldBlock id={rest.id} label={rest.label} problems={rest.problems} hint={rest.hint} width={rest.width}>
      {(a11y) => (
        <Textfield
          id={a11y.id}
          aria-describedby={a11y['aria-describedby']}
          isInvalid={a11y.isInvalid}
          isReadOnly={rest.readOnly}
          isCompact
          testId={rest.testId}
          value={text}
          placeholder={rest.placeholder}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </FieldBlock>
  );
}
