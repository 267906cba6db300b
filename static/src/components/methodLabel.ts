import type { ProgressMethodDto } from '../../../src/contract';

const LABELS: Record<ProgressMethodDto, string> = {
  issueCount: 'issue count',
  storyPoints: 'story points',
  originalEstimate: 'original estimate',
  manual: 'manual %',
};

export const methodLabel = (method: ProgressMethodDto): string => LABELS[method];
