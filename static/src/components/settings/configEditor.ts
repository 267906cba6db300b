/** The settings page's editing of one configuration, as a reducer over plain data. No React here. */
import type { BoxSourceDto, FieldConceptDto, PanelKey, ProgressMethodDto, RiskBandScaleDto, TransformationConfigDto } from '../../../../src/contract';
import { addBoxType, deleteBoxType, moveBoxType, renameBoxType, setParent, setToolsetPanel } from './boxTypeEdits';
import { isRoot } from './boxTypeTree';
import { BAND_NAMES, DEFAULT_BAND_COLOR } from './labels';
import { applyListEdit, targetAfterEdit, type ListEdit } from './listEdit';

type Config = TransformationConfigDto;
type Labels = Config['riskScale']['likelihoodLabels'];

export type ConfigAction =
  | { type: 'reset'; config: Config }
  | { type: 'setName'; name: string }
  | { type: 'addBoxType'; name: string; parentTypeId: string }
  | { type: 'renameBoxType'; id: string; name: string }
  | { type: 'moveBoxType'; id: string; direction: -1 | 1 }
  | { type: 'deleteBoxType'; id: string }
  | { type: 'setParent'; id: string; parentTypeId: string }
  | { type: 'setSource'; id: string; source: BoxSourceDto }
  | { type: 'setProgressMethod'; id: string; method: ProgressMethodDto }
  | { type: 'setToolsetPanel'; id: string; panel: PanelKey; on: boolean }
  | { type: 'setFieldMapping'; concept: FieldConceptDto; fieldName: string }
  | { type: 'editStages'; edit: ListEdit }
  | { type: 'setTargetStage'; stage: string }
  /** undefined removes the setting, so the default share applies. */
  | { type: 'setTargetRatio'; ratio: number | undefined }
  | { type: 'setTeamBoxType'; id: string }
  | { type: 'setIssueTypes'; list: 'riskIssueTypes' | 'milestoneIssueTypes'; values: string[] }
  | { type: 'setLevelLabel'; scale: 'likelihood' | 'impact'; index: number; label: string }
  | { type: 'setBand'; index: number; change: Partial<RiskBandScaleDto> }
  | { type: 'addBand' }
  | { type: 'removeBand'; index: number };

const setType = (config: Config, id: string, change: (t: Config['boxTypes'][number]) => Config['boxTypes'][number]): Config => ({
  ...config,
  boxTypes: config.boxTypes.map((t) => (t.id === id ? change(t) : t)),
});

const setBands = (config: Config, bands: RiskBandScaleDto[]): Config => ({ ...config, riskScale: { ...config.riskScale, bands } });

function setLabel(labels: Labels, index: number, label: string): Labels {
  const next = [...labels] as Labels;
  if (index >= 0 && index < next.length) next[index] = label;
  return next;
}

/** The next band up that is not used yet, starting one above the highest minimum. */
function addBand(config: Config): Config {
  const { bands } = config.riskScale;
  const name = BAND_NAMES.find((n) => !bands.some((b) => b.name === n));
  if (!name) return config;
  const min = Math.min(25, Math.max(0, ...bands.map((b) => b.min)) + 1);
  return setBands(config, [...bands, { name, min, color: DEFAULT_BAND_COLOR[name] }]);
}

export function configReducer(config: Config, action: ConfigAction): Config {
  switch (action.type) {
    case 'reset':
      return action.config;
    case 'setName':
      return { ...config, name: action.name };
    case 'addBoxType':
      return addBoxType(config, action.name, action.parentTypeId).config;
    case 'renameBoxType':
      return renameBoxType(config, action.id, action.name);
    case 'moveBoxType':
      return moveBoxType(config, action.id, action.direction);
    case 'deleteBoxType':
      return deleteBoxType(config, action.id);
    case 'setParent':
      return setParent(config, action.id, action.parentTypeId);
    case 'setSource':
      return setType(config, action.id, (t) => (isRoot(t) || action.source.kind === 'root' ? t : { ...t, source: action.source }));
    case 'setProgressMethod':
      return setType(config, action.id, (t) => ({ ...t, progressMethod: action.method }));
    case 'setToolsetPanel':
      return setToolsetPanel(config, action.id, action.panel, action.on);
    case 'setFieldMapping':
      return { ...config, fieldMapping: { ...config.fieldMapping, [action.concept]: action.fieldName } };
    case 'editStages': {
      const { stages, targetStage } = config.conversion;
      return { ...config, conversion: { ...config.conversion, stages: applyListEdit(stages, action.edit), targetStage: targetAfterEdit(stages, targetStage, action.edit) } };
    }
    case 'setTargetStage':
      return { ...config, conversion: { ...config.conversion, targetStage: action.stage } };
    case 'setTargetRatio': {
      const { targetRatio: _dropped, ...conversion } = config.conversion;
      return { ...config, conversion: action.ratio === undefined ? conversion : { ...conversion, targetRatio: action.ratio } };
    }
    case 'setTeamBoxType':
      return { ...config, conversion: { ...config.conversion, teamBoxTypeId: action.id } };
    case 'setIssueTypes':
      return { ...config, [action.list]: [...action.values] };
    case 'setLevelLabel': {
      const key = action.scale === 'likelihood' ? 'likelihoodLabels' : 'impactLabels';
      return { ...config, riskScale: { ...config.riskScale, [key]: setLabel(config.riskScale[key], action.index, action.label) } };
    }
    case 'setBand':
      return setBands(
        config,
        config.riskScale.bands.map((b, i) => (i === action.index ? { ...b, ...action.change } : b)),
      );
    case 'addBand':
      return addBand(config);
    case 'removeBand':
      return config.riskScale.bands.length <= 1 ? config : setBands(config, config.riskScale.bands.filter((_, i) => i !== action.index));
  }
}
