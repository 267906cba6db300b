import DynamicTable from '@atlaskit/dynamic-table';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { BoxSummaryDto } from '../../../src/contract';
import { methodLabel } from './methodLabel';
import { Empty } from './PanelState';

const head = (typeName: string) => ({
  cells: [
    { key: 'name', content: typeName, isSortable: true },
    { key: 'progress', content: 'Progress', isSortable: true },
    { key: 'teams', content: 'Teams converted', isSortable: true },
  ],
});

function Meter({ ratio, text, label }: { ratio: number; text: string; label: string }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
      <div style={{ flex: 1, minWidth: 80 }}>
        <ProgressBar value={ratio} ariaLabel={label} />
      </div>
      <span style={{ minWidth: 56, textAlign: 'right' }}>{text}</span>
    </div>
  );
}

const rows = (boxes: BoxSummaryDto[]) =>
  boxes.map((box) => ({
    key: box.id,
    testId: `box-row-${box.id}`,
    cells: [
      { key: box.name, content: box.name },
      { key: box.progress.ratio, content: <Meter ratio={box.progress.ratio} text={box.progress.percentText} label={`${box.name}: ${box.progress.percentText} done by ${methodLabel(box.progress.method)}`} /> },
      {
        key: box.teamsConverted.ratio,
        content: (
          <span data-testid={`teams-converted-${box.id}`}>
            {box.teamsConverted.percentText} <span style={{ color: token('color.text.subtlest', '#626F86') }}>({box.teamsConverted.converted} of {box.teamsConverted.total})</span>
          </span>
        ),
      },
    ],
  }));

/** Progress and teams converted per box, one row each. */
export function BoxProgressTable({ boxes, typeName }: { boxes: BoxSummaryDto[]; typeName: string }) {
  return (
    <DynamicTable
      head={head(typeName)}
      rows={rows(boxes)}
      emptyView={<Empty title={`No ${typeName.toLowerCase()}s yet`}>Create one in Jira and it will show here.</Empty>}
    />
  );
}
