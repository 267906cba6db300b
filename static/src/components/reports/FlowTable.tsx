import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import type { FlowByBoxDto } from '../../../../src/contract/reports';
import { distributionText, flowTexts } from './flow';

const head = {
  cells: [
    { key: 'name', content: 'Box', width: 28 },
    { key: 'velocity', content: 'Velocity', width: 9 },
    { key: 'median', content: 'Flow time, median', width: 11 },
    { key: 'p85', content: 'Flow time, p85', width: 11 },
    { key: 'load', content: 'Load', width: 7 },
    { key: 'efficiency', content: 'Efficiency', width: 9 },
    { key: 'distribution', content: 'Finished by kind', width: 25 },
  ],
};

/** The flow measures of every box in tree order, each indented by its depth. */
export function FlowTable({ boxes }: { boxes: FlowByBoxDto[] }) {
  const rows = boxes.map((box) => {
    const t = flowTexts(box);
    return {
      key: box.boxId,
      testId: `report-flow-row-${box.boxId}`,
      cells: [
        {
          key: 'name',
          content: <span style={{ paddingInlineStart: `calc(${box.depth} * ${token('space.250', '20px')})`, fontWeight: box.depth === 0 ? 'bold' : 'normal' }}>{box.name}</span>,
        },
        { key: 'velocity', content: t.velocity },
        { key: 'median', content: t.median },
        { key: 'p85', content: t.p85 },
        { key: 'load', content: t.load },
        { key: 'efficiency', content: t.efficiency },
        { key: 'distribution', content: <span style={{ color: token('color.text.subtle', '#44546F') }}>{distributionText(box)}</span> },
      ],
    };
  });
  return <DynamicTable head={head} rows={rows} label="Flow by box" />;
}
