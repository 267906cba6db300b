import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { SavedSettingsDto, SettingsDto, TransformationConfigDto } from '../../../../src/contract';
import { BoxTypesEditor } from './BoxTypesEditor';
import { ConversionEditor } from './ConversionEditor';
import { downloadText } from './download';
import { EditorContext, type Editor } from './editorContext';
import { FieldMappingEditor } from './FieldMappingEditor';
import { GeneralEditor } from './GeneralEditor';
import { ImportExport } from './ImportExport';
import { ProblemSummary } from './ProblemSummary';
import { RiskScaleEditor } from './RiskScaleEditor';
import { SaveBar } from './SaveBar';
import { Section } from './Section';
import { SettingsStatus } from './SettingsStatus';
import type { FieldsState } from './useSettingsData';
import { useSettingsEditor } from './useSettingsEditor';

interface Props {
  settings: SettingsDto;
  fields: FieldsState;
  reload: () => Promise<string | null>;
  applySaved: (config: TransformationConfigDto, saved: SavedSettingsDto) => void;
}

/** The whole settings form: status, save bar, problems, then one section per part of the configuration. */
export function SettingsEditor({ settings, fields, reload, applySaved }: Props) {
  const editor = useSettingsEditor(settings, applySaved);
  const { draft, dispatch, changes, problems, conflict, notice, setNotice, saving, save, problemIndex } = editor;
  const [reloading, setReloading] = useState(false);
  const readOnly = !settings.canEdit;
  const context = useMemo<Editor>(() => ({ dispatch, readOnly, problems: problemIndex }), [dispatch, readOnly, problemIndex]);

  const reloadNow = async (after?: string) => {
    setReloading(true);
    const failed = await reload();
    setReloading(false);
    setNotice(failed ? { kind: 'error', text: `The settings could not be read again: ${failed}` } : after ? { kind: 'saved', text: after } : null);
  };
  const imported = (saved: SavedSettingsDto) => {
    const upgraded = saved.migratedFrom !== null ? ` (upgraded from schema version ${saved.migratedFrom})` : '';
    void reloadNow(`Imported as revision ${saved.revision}${upgraded}.`);
  };
  const gap = { display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') } as const;

  return (
    <EditorContext.Provider value={context}>
      <div style={gap}>
        <SettingsStatus settings={settings} />
        <div style={{ position: 'sticky', top: 0, zIndex: 2, background: token('elevation.surface', '#FFFFFF'), paddingBlock: token('space.100', '8px') }}>
          <SaveBar
            readOnly={readOnly}
            changes={changes}
            saving={saving}
            onSave={() => void save()}
            notice={notice}
            conflict={conflict}
            reloading={reloading}
            onReload={() => void reloadNow()}
            onDownloadMine={() => downloadText(`${JSON.stringify(draft, null, 2)}\n`, `transformation-office-settings-unsaved-r${settings.revision}.json`)}
          />
        </div>
        <ProblemSummary problems={problems} />
        <Section id="general" title="General">
          <GeneralEditor config={draft} />
        </Section>
        <Section id="box-types" title="Box types" description="The levels of the transformation, top to bottom: how each level's boxes are found in Jira, how their progress is measured, and which panels they show.">
          <BoxTypesEditor config={draft} />
        </Section>
        <Section id="field-mapping" title="Field mapping" description="The Jira field each part of the model is read from. Only fields of a type the concept can read are offered.">
          <FieldMappingEditor mapping={draft.fieldMapping} fields={fields} onRetry={() => void reloadNow()} />
        </Section>
        <Section id="conversion" title="Conversion" description="The stages a team goes through, and from which stage it counts as converted.">
          <ConversionEditor config={draft} />
        </Section>
        <Section id="risk-scale" title="Risk scale" description="How likelihood and impact levels are named, and how their product (the score) is banded.">
          <RiskScaleEditor scale={draft.riskScale} />
        </Section>
        <Section id="import-export" title="Import and export">
          <ImportExport revision={settings.revision} readOnly={readOnly} dirty={changes.length > 0} onImported={imported} />
        </Section>
      </div>
    </EditorContext.Provider>
  );
}
