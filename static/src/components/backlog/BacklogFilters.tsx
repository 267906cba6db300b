import { RemovableTag } from '@atlaskit/tag';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { BacklogFacetsDto } from '../../../../src/contract';
import { FilterSelect } from './FilterSelect';
import { BAND_OPTIONS, boxOptions, selected, STATUS_OPTIONS, typeOptions } from './filterOptions';
import { drillLabel, MAX_TEXT, type BacklogAction, type BacklogState } from './queryState';

interface Props {
  state: BacklogState;
  facets: BacklogFacetsDto | undefined;
  dispatch: (action: BacklogAction) => void;
  onDrillRemoved: () => void;
}

/** The search field, the four filters and the drill the backlog was opened with. */
export function BacklogFilters({ state, facets, dispatch, onDrillRemoved }: Props) {
  const { query } = state;
  const boxes = boxOptions(facets);
  const types = typeOptions(facets);
  return (
    <div role="search" aria-label="Backlog filters" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}>
      <div style={{ flex: '2 1 220px', maxWidth: 360 }}>
        <Textfield
          aria-label="Search key, summary, assignee or labels"
          placeholder="Search key, summary, assignee, labels"
          testId="backlog-search"
          isCompact
          maxLength={MAX_TEXT}
          value={state.textInput}
          onChange={(event) => dispatch({ type: 'typeText', text: event.currentTarget.value })}
          onKeyDown={(event) => event.key === 'Enter' && dispatch({ type: 'commitText' })}
        />
      </div>
      <FilterSelect label="Box" testId="backlog-filter-box" options={boxes} value={selected(boxes, query.boxId)} onChange={(boxId) => dispatch({ type: 'setBox', boxId })} />
      <FilterSelect
        label="Status"
        testId="backlog-filter-status"
        options={STATUS_OPTIONS}
        value={selected(STATUS_OPTIONS, query.statusCategory)}
        onChange={(statusCategory) => dispatch({ type: 'setStatusCategory', statusCategory })}
      />
      <FilterSelect label="Type" testId="backlog-filter-type" options={types} value={selected(types, query.type)} onChange={(issueType) => dispatch({ type: 'setType', issueType })} />
      <FilterSelect label="Risk band" testId="backlog-filter-band" options={BAND_OPTIONS} value={selected(BAND_OPTIONS, query.riskBand)} onChange={(riskBand) => dispatch({ type: 'setRiskBand', riskBand })} />
      {query.drill && (
        <RemovableTag
          key={query.drill}
          text={drillLabel(query.drill)}
          removeButtonLabel={`Remove filter: ${drillLabel(query.drill)}`}
          testId="backlog-drill"
          onAfterRemoveAction={onDrillRemoved}
        />
      )}
    </div>
  );
}
