import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { FieldConceptDto, SettingsFieldsDto } from '../../../../src/contract';
import { previewField } from '../../services/invokes';
import { useEditor } from './editorContext';
import { chosenOption, conceptOptions, mappingStatus, previewText, type FieldOption } from './fieldChoices';
import { CONCEPT_LABELS, KIND_LABELS } from './labels';
import { problemsAt } from './problemPaths';
import { SelectField } from './SelectField';

type Preview = { state: 'idle' } | { state: 'loading' } | { state: 'done'; text: string; ok: boolean };

const subtlest = { color: token('color.text.subtlest', '#626F86'), font: token('font.body.small', '12px') };

const formatOption = (option: FieldOption) => (
  <span>
    {option.label} <span style={subtlest}>{option.detail}</span>
  </span>
);

/** One concept: a select of the fields it can read, a flag when the current mapping is unusable, and a live count after choosing. */
export function FieldMappingRow({ concept, name, fields }: { concept: FieldConceptDto; name: string; fields: SettingsFieldsDto }) {
  const { dispatch, readOnly, problems } = useEditor();
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const [previewOf, setPreviewOf] = useState<string | null>(null);
  const options = conceptOptions(fields, concept);
  const status = mappingStatus(fields, concept, name);
  const chosen = chosenOption(options, status, name);
  const accepts = fields.concepts.find((c) => c.concept === concept)?.accepts ?? [];

  useEffect(() => {
    if (!previewOf) return undefined;
    let current = true;
    setPreview({ state: 'loading' });
    previewField(concept, previewOf).then(
      (result) => current && setPreview({ state: 'done', text: previewText(result), ok: result.compatible && result.count !== null }),
      (error: unknown) => current && setPreview({ state: 'done', text: `The preview failed: ${error instanceof Error ? error.message : String(error)}`, ok: false }),
    );
    return () => {
      current = false;
    };
  }, [concept, previewOf]);

  const choose = (option: FieldOption) => {
    if (option.value.startsWith('name:')) return;
    dispatch({ type: 'setFieldMapping', concept, fieldName: option.name });
    setPreviewOf(option.value || null);
    if (!option.value) setPreview({ state: 'idle' });
  };
  const flag = status.state === 'incompatible' || status.state === 'missing' ? status.message : null;
  return (
    <li style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
      <SelectField
        id={`field-mapping-${concept}`}
        testId={`field-mapping-${concept}`}
        label={CONCEPT_LABELS[concept]}
        hint={`Reads ${accepts.map((k) => KIND_LABELS[k]).join(' or ')} fields`}
        isDisabled={readOnly}
        options={options}
        value={chosen}
        onChange={choose}
        formatOptionLabel={formatOption}
        problems={problemsAt(problems, `fieldMapping:${concept}`)}
      />
      {flag && (
        <span data-testid={`field-mapping-flag-${concept}`} style={{ display: 'flex', gap: token('space.050', '4px'), alignItems: 'baseline' }}>
          <Lozenge appearance="removed">{status.state === 'incompatible' ? 'Incompatible' : 'Not found'}</Lozenge>
          <span style={{ color: token('color.text.warning', '#A54800') }}>{flag}</span>
        </span>
      )}
      <span data-testid={`field-preview-${concept}`} role="status" aria-live="polite" style={preview.state === 'done' && !preview.ok ? { color: token('color.text.warning', '#A54800') } : subtlest}>
        {preview.state === 'loading' ? 'Counting the issues with a value…' : preview.state === 'done' ? preview.text : ''}
      </span>
    </li>
  );
}
