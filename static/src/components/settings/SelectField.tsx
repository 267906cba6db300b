import Select, { type FormatOptionLabelMeta } from '@atlaskit/select';
import type { ReactNode } from 'react';
import { FieldBlock } from './FieldBlock';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string, O extends Choice<V>> {
  id: string;
  label: string;
  testId?: string;
  options: readonly O[];
  value: O | null;
  onChange: (option: O) => void;
  isDisabled?: boolean;
  problems?: readonly string[];
  hint?: ReactNode;
  width?: number | string;
  formatOptionLabel?: (option: O, meta: FormatOptionLabelMeta<O>) => ReactNode;
}

/** An Atlaskit select with its label and problems; the test id is on a wrapper (Atlaskit suffixes its own). */
export function SelectField<V extends string, O extends Choice<V>>({ id, label, testId, options, value, onChange, isDisabled, problems, hint, width, formatOptionLabel }: Props<V, O>) {
  return (
    <FieldBlock id={id} label={label} problems={problems} hint={hint} width={width}>
      {(a11y) => (
        <div data-testid={testId} data-value={value?.value ?? ''}>
          <Select<O>
            inputId={a11y.id}
            testId={testId}
            aria-describedby={a11y['aria-describedby']}
            isInvalid={a11y.isInvalid}
            options={[...options]}
            value={value}
            isDisabled={isDisabled}
            isSearchable
            spacing="compact"
            formatOptionLabel={formatOptionLabel}
            onChange={(option) => option && onChange(option)}
            menuPlacement="auto"
          />
        </div>
      )}
    </FieldBlock>
  );
}
