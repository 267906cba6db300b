import Select, { type FormatOptionLabelMeta } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { Option } from './filterOptions';

interface Props<V extends string> {
  label: string;
  testId: string;
  options: readonly Option<V>[];
  value: Option<V> | null;
  onChange: (value: V | undefined) => void;
}

/** Boxes are indented by depth in the open menu only. */
function formatLabel<V extends string>(option: Option<V>, meta: FormatOptionLabelMeta<Option<V>>) {
  if (meta.context !== 'menu' || !option.depth) return option.label;
  return <span style={{ paddingInlineStart: `calc(${option.depth} * ${token('space.150', '12px')})` }}>{option.label}</span>;
}

/** One clearable filter: "All" when nothing is chosen. */
export function FilterSelect<V extends string>({ label, testId, options, value, onChange }: Props<V>) {
  return (
    <div style={{ minWidth: 160, flex: '1 1 160px', maxWidth: 260 }}>
      <Select<Option<V>>
        aria-label={label}
        inputId={`${testId}-input`}
        testId={testId}
        options={[...options]}
        value={value}
        placeholder={`${label}: all`}
        isClearable
        isSearchable
        spacing="compact"
        formatOptionLabel={formatLabel}
        styles={{ menu: (base) => ({ ...base, minWidth: 280 }) }}
        onChange={(option) => onChange(option?.value)}
      />
    </div>
  );
}
