/** How the flow report reads its measures: kinds in a fixed order, texts for the figures. No React here. */
import type { FlowItemKindDto, FlowMeasuresDto } from '../../../../src/contract/reports';
import { daysText, percentText } from './format';

export const FLOW_KINDS: readonly FlowItemKindDto[] = ['feature', 'defect', 'risk', 'debt'];
export const KIND_LABELS: Record<FlowItemKindDto, string> = { feature: 'Features', defect: 'Defects', risk: 'Risks', debt: 'Debt' };

/** Items finished of one kind; a kind the report leaves out counts 0. */
export const kindCount = (m: FlowMeasuresDto, kind: FlowItemKindDto): number => m.distribution.find((d) => d.kind === kind)?.count ?? 0;

export interface DistributionPart {
  kind: FlowItemKindDto;
  label: string;
  count: number;
  ratio: number;
}

/** The four kinds in order, each with its count and share of the items finished (0 when none finished). */
export function distributionParts(m: FlowMeasuresDto): DistributionPart[] {
  const total = FLOW_KINDS.reduce((sum, kind) => sum + kindCount(m, kind), 0);
  return FLOW_KINDS.map((kind) => {
    const count = kindCount(m, kind);
    return { kind, label: KIND_LABELS[kind], count, ratio: total > 0 ? count / total : 0 };
  });
}

/** "Features 3 · Defects 1 · Risks 0 · Debt 2" */
export const distributionText = (m: FlowMeasuresDto): string => distributionParts(m).map((p) => `${p.label} ${p.count}`).join(' · ');

const NONE = '—';

export interface FlowTexts {
  velocity: string;
  median: string;
  p85: string;
  load: string;
  efficiency: string;
}

/** The figures as the page writes them; a measure with nothing finished to measure is a dash. */
export function flowTexts(m: FlowMeasuresDto): FlowTexts {
  return {
    velocity: String(m.velocity),
    median: m.flowTimeMedianDays === null ? NONE : daysText(m.flowTimeMedianDays),
    p85: m.flowTimeP85Days === null ? NONE : daysText(m.flowTimeP85Days),
    load: String(m.load),
    efficiency: m.efficiency === null ? NONE : percentText(m.efficiency),
  };
}
