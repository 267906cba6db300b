import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { SavedViewDto } from '../../../../src/contract';
import type { SavedViews as Views } from './useSavedViews';
import { MAX_VIEW_NAME, sortedViews } from './views';

interface Props {
  saved: Views;
  currentId: string | null;
  onApply: (view: SavedViewDto) => void;
  /** Saves what is shown under the name; answers whether it worked. */
  onSaveAs: (name: string) => Promise<boolean>;
}

const option = (view: SavedViewDto) => ({ value: view.id, label: view.name });

/** The caller's own views: pick one, save what is shown under a name, or delete the one picked. */
export function SavedViews({ saved, currentId, onApply, onSaveAs }: Props) {
  const [naming, setNaming] = useState<string | null>(null);
  const current = saved.views.find((view) => view.id === currentId);
  const submit = async () => {
    if (naming?.trim() && (await onSaveAs(naming))) setNaming(null);
  };
  return (
    <div data-testid="backlog-views" role="group" aria-label="Saved views" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}>
      <div style={{ minWidth: 180 }}>
        <Select
          aria-label="Saved view"
          inputId="backlog-views-input"
          testId="backlog-views-select"
          spacing="compact"
          placeholder={saved.views.length === 0 ? 'No saved views' : 'Saved views'}
          options={sortedViews(saved.views).map(option)}
          value={current ? option(current) : null}
          isDisabled={saved.views.length === 0}
          onChange={(picked) => {
            const view = saved.views.find((v) => v.id === picked?.value);
            if (view) onApply(view);
          }}
        />
      </div>
      {naming === null ? (
        <Button testId="backlog-views-save-as" onClick={() => setNaming(current?.name ?? '')}>
          Save view as…
        </Button>
      ) : (
        <form onSubmit={(event) => (event.preventDefault(), void submit())} style={{ display: 'flex', gap: token('space.050', '4px') }}>
          <Textfield aria-label="View name" testId="backlog-views-name" isCompact autoFocus maxLength={MAX_VIEW_NAME} value={naming} onChange={(e) => setNaming(e.currentTarget.value)} />
          <Button type="submit" appearance="primary" isDisabled={!naming.trim() || saved.busy} testId="backlog-views-save">
            Save
          </Button>
          <Button onClick={() => setNaming(null)}>Cancel</Button>
        </form>
      )}
      {current && (
        <Button appearance="subtle" testId="backlog-views-delete" isDisabled={saved.busy} onClick={() => void saved.remove(current.id)}>
          Delete “{current.name}”
        </Button>
      )}
      {saved.error && (
        <span role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: '12px' }}>
          {saved.error}
        </span>
      )}
    </div>
  );
}
