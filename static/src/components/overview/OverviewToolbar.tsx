import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { FilterSelect } from '../backlog/FilterSelect';
import type { OverviewFilter } from './overviewTree';

interface Props {
  filter: OverviewFilter;
  typeNames: readonly string[];
  onFilter: (filter: OverviewFilter) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onExport: () => void;
  canExport: boolean;
}

/** Filter by text and box type, open or close the whole tree, export what is shown as CSV. */
export function OverviewToolbar({ filter, typeNames, onFilter, onExpandAll, onCollapseAll, onExport, canExport }: Props) {
  const options = typeNames.map((name) => ({ value: name, label: name }));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}>
      <div style={{ flex: '2 1 220px', maxWidth: 360 }}>
        <Textfield
          aria-label="Filter boxes by name, key, type, owner or sponsor"
          placeholder="Filter by name, key, type, owner, sponsor"
          testId="overview-filter"
          isCompact
          maxLength={200}
          value={filter.text}
          onChange={(event) => onFilter({ ...filter, text: event.currentTarget.value })}
        />
      </div>
      <FilterSelect label="Type" testId="overview-type" options={options} value={options.find((o) => o.value === filter.typeName) ?? null} onChange={(typeName) => onFilter({ ...filter, typeName: typeName ?? null })} />
      <Button spacing="compact" onClick={onExpandAll} testId="overview-expand-all">
        Expand all
      </Button>
      <Button spacing="compact" onClick={onCollapseAll} testId="overview-collapse-all">
        Collapse all
      </Button>
      <Button spacing="compact" onClick={onExport} isDisabled={!canExport} testId="overview-export-csv">
        Export CSV
      </Button>
    </div>
  );
}
