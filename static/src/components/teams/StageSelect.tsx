import Select from '@atlaskit/select';
import { useState } from 'react';
import type { TeamRowDto } from '../../../../src/contract';
import { useEdits } from '../edits/editsContext';

interface StageOption {
  value: string;
  label: string;
}

/** Sets a team's conversion stage in Jira, as the viewer; shown only where they may edit the team's project. */
export function StageSelect({ row, stages }: { row: TeamRowDto & { key: string }; stages: readonly string[] }) {
  const edits = useEdits();
  const [saving, setSaving] = useState(false);
  const options: StageOption[] = stages.map((stage) => ({ value: stage, label: stage }));
  const value = row.stage === null ? null : (options.find((o) => o.value === row.stage) ?? { value: row.stage, label: row.stage });
  const choose = async (option: StageOption | null) => {
    if (!option || option.value === row.stage) return;
    setSaving(true);
    await edits.change(`${row.name} (${row.key}) set to “${option.value}”`, [{ issueKey: row.key, concept: 'conversionStage', value: option.value, expected: row.stage }]);
    setSaving(false);
  };
  return (
    <div data-testid={`team-stage-${row.id}`} data-value={row.stage ?? ''} style={{ minWidth: 150 }}>
      <Select<StageOption>
        inputId={`team-stage-input-${row.id}`}
        aria-label={`Conversion stage of ${row.name}`}
        options={options}
        value={value}
        placeholder="No stage"
        isLoading={saving}
        isDisabled={saving}
        spacing="compact"
        menuPosition="fixed"
        onChange={(option) => void choose(option)}
      />
    </div>
  );
}
