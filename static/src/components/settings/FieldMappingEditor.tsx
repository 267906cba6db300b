import { token } from '@atlaskit/tokens';
import { FIELD_CONCEPTS, type FieldMappingDto } from '../../../../src/contract';
import { ErrorState } from '../PanelState';
import { FieldMappingRow } from './FieldMappingRow';
import type { FieldsState } from './useSettingsData';

/** Each concept of the model and the Jira field it is read from. */
export function FieldMappingEditor({ mapping, fields, onRetry }: { mapping: FieldMappingDto; fields: FieldsState; onRetry: () => void }) {
  if (!fields.ok) {
    return (
      <div data-testid="field-mapping-unavailable">
        <ErrorState title="The site's fields could not be listed" message={fields.message} onRetry={onRetry} />
        <ul>
          {FIELD_CONCEPTS.map((concept) => (
            <li key={concept}>
              {concept}: {mapping[concept] || 'not read'}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <ul aria-label="Field mapping" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: token('space.200', '16px') }}>
      {FIELD_CONCEPTS.map((concept) => (
        <FieldMappingRow key={concept} concept={concept} name={mapping[concept]} fields={fields.data} />
      ))}
    </ul>
  );
}
