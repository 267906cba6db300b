import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import { FieldBlock } from './FieldBlock';
import { percentText, readPercent } from './labels';

interface Props {
  id: string;
  label: string;
  /** 0..1, or undefined for "the default". */
  ratio: number | undefined;
  onChange: (ratio: number | undefined) => void;
  readOnly: boolean;
  placeholder?: string;
  hint?: string;
  problems?: readonly string[];
}

/** A share typed as a percentage ("80" = 0.8), read into the draft when the field is left or Enter is pressed. */
export function PercentField({ id, label, ratio, onChange, readOnly, placeholder, hint, problems }: Props) {
  const shown = percentText(ratio);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const next = readPercent(text);
    if (next === null) setText(shown);
    else if (next !== ratio) onChange(next);
  };
  return (
    <FieldBlock id={id} label={label} hint={hint} problems={problems} width={200}>
      {(a11y) => (
        <Textfield
          id={a11y.id}
          aria-describedby={a11y['aria-describedby']}
          isInvalid={a11y.isInvalid}
          testId={id}
          isCompact
          isReadOnly={readOnly}
          inputMode="decimal"
          value={text}
          placeholder={placeholder}
          elemAfterInput={<span style={{ paddingInlineEnd: 8 }}>%</span>}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </FieldBlock>
  );
}
