import type { TransformationConfig } from '../model';
import { normaliseName } from '../names';

/** The conversion stages as the reports read them (trimmed, case-insensitive, like the model). */
export interface StageRules {
  /** 0-based position of a stage; -1 for a missing or unknown one. */
  index(stage: unknown): number;
  /** The configured name of a stage; an unknown one as written (trimmed); null when empty. */
  name(stage: unknown): string | null;
  isConverted(stage: unknown): boolean;
}

export function stageRules(config: TransformationConfig): StageRules {
  const stages = Array.isArray(config.conversion?.stages) ? config.conversion.stages.filter((stage): stage is string => typeof stage === 'string') : [];
  const positions = new Map<string, number>();
  stages.forEach((stage, position) => {
    if (!positions.has(normaliseName(stage))) positions.set(normaliseName(stage), position);
  });
  const index = (stage: unknown): number => positions.get(normaliseName(stage)) ?? -1;
  const target = index(config.conversion?.targetStage);
  return {
    index,
    name: (stage) => {
      const position = index(stage);
      if (position >= 0) return stages[position] ?? null;
      return typeof stage === 'string' && stage.trim() !== '' ? stage.trim() : null;
    },
    isConverted: (stage) => target >= 0 && index(stage) >= target,
  };
}
