import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { TeamRowDto } from '../../../../src/contract';
import { methodLabel } from '../methodLabel';
import { Empty } from '../PanelState';
import { BoxLink } from '../../navigation/openBox';
import { useEdits, type EditsApi } from '../edits/editsContext';
import { StageSelect } from './StageSelect';
import { convertedText, isTeamRow, stageLozenge } from './teamStage';

const subtlest = { color: token('color.text.subtlest', '#626F86') };

const head = {
  cells: [
    { key: 'name', content: 'Name', width: 34 },
    { key: 'stage', content: 'Conversion stage', width: 16 },
    { key: 'progress', content: 'Progress', width: 30 },
    { key: 'teams', content: 'Teams converted', width: 20 },
  ],
};

function Progress({ row }: { row: TeamRowDto }) {
  const method = methodLabel(row.progress.method);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
      <div style={{ flex: 1, minWidth: 64 }}>
        <ProgressBar value={row.progress.ratio} ariaLabel={`${row.name}: ${row.progress.percentText} done by ${method}`} />
      </div>
      <span style={{ minWidth: 48, textAlign: 'right' }}>{row.progress.percentText}</span>
      <span style={{ ...subtlest, fontSize: '12px' }}>{row.progress.basis}</span>
    </div>
  );
}

function Name({ row }: { row: TeamRowDto }) {
  return (
    <div style={{ paddingInlineStart: `calc(${row.depth} * ${token('space.250', '20px')})` }}>
      <span style={{ fontWeight: row.depth === 0 ? 'bold' : 'normal' }}>
        <BoxLink boxId={row.id} testId={`teams-open-${row.id}`}>
          {row.name}
        </BoxLink>
      </span>{' '}
      <span style={{ ...subtlest, fontSize: '12px' }}>
        {row.typeName}
        {row.key ? ` · ${row.key}` : ''}
      </span>
    </div>
  );
}

/** A team's stage: a select where the viewer may edit the team in Jira, else its lozenge. */
function StageCell({ row, stages, targetStage, edits }: { row: TeamRowDto; stages: string[]; targetStage: string; edits: EditsApi }) {
  const { key } = row;
  if (key !== null && isTeamRow(row) && edits.may(key, 'edit')) return <StageSelect row={{ ...row, key }} stages={stages} />;
  const stage = stageLozenge(row, stages, targetStage);
  return stage ? <Lozenge appearance={stage.appearance}>{stage.text}</Lozenge> : <span style={subtlest}>—</span>;
}

const rows = (teams: TeamRowDto[], stages: string[], targetStage: string, edits: EditsApi) =>
  teams.map((row) => {
    return {
      key: row.id,
      testId: `teams-row-${row.id}`,
      cells: [
        { key: 'name', content: <Name row={row} /> },
        { key: 'stage', content: <StageCell row={row} stages={stages} targetStage={targetStage} edits={edits} /> },
        { key: 'progress', content: <Progress row={row} /> },
        {
          key: 'teams',
          content: (
            <span data-testid={`teams-converted-${row.id}`}>
              {convertedText(row)} <span style={subtlest}>({row.teamsConverted.percentText})</span>
            </span>
          ),
        },
      ],
    };
  });

/** The boxes in tree order, each indented by its depth, with its stage, progress and teams converted. */
export function TeamsTable({ teams, stages, targetStage }: { teams: TeamRowDto[]; stages: string[]; targetStage: string }) {
  const edits = useEdits();
  return (
    <DynamicTable
      head={head}
      rows={rows(teams, stages, targetStage, edits)}
      label="Teams converted by box"
      emptyView={<Empty title="No teams in this scope" />}
    />
  );
}
