import DropdownMenu, { DropdownItemCheckbox, DropdownItemCheckboxGroup } from '@atlaskit/dropdown-menu';
import type { BacklogColumn } from '../../../../src/contract';
import { COLUMNS, REQUIRED_COLUMNS } from './columns';

/** Which columns the table (and the CSV) shows; key and summary are always on. */
export function ColumnChooser({ columns, onToggle }: { columns: BacklogColumn[]; onToggle: (column: BacklogColumn) => void }) {
  return (
    <DropdownMenu trigger="Columns" testId="backlog-columns" label="Choose columns" shouldRenderToParent>
      <DropdownItemCheckboxGroup id="backlog-columns" title="Columns shown">
        {COLUMNS.map(({ column, label }) => {
          const required = REQUIRED_COLUMNS.includes(column);
          return (
            <DropdownItemCheckbox
              key={column}
              id={`backlog-column-${column}`}
              testId={`backlog-column-${column}`}
              isSelected={required || columns.includes(column)}
              isDisabled={required}
              description={required ? 'Always shown' : undefined}
              onClick={() => onToggle(column)}
            >
              {label}
            </DropdownItemCheckbox>
          );
        })}
      </DropdownItemCheckboxGroup>
    </DropdownMenu>
  );
}
