/** Reports already asked for, so that going back to a tab or a period does not read Jira's history again. No React here. */
import type { ScopeDto } from '../../../../src/contract';
import type { ReportPeriodDto } from '../../../../src/contract/reports';
import type { ReportKind } from './reportCsv';

/** Value tracking and the forecast are as of today: the period does not change them. */
export const usesPeriod = (kind: ReportKind): boolean => kind === 'weekly' || kind === 'flow';

/** "weekly|ABC|2026-03-01|2026-03-07", "value|*" (the whole transformation, no period), "value|*#DTO-3" (one box). */
export function reportCacheKey(kind: ReportKind, { projectKey, boxId }: ScopeDto, period: ReportPeriodDto): string {
  const scope = `${projectKey ?? '*'}${boxId === undefined ? '' : `#${boxId}`}`;
  return usesPeriod(kind) ? `${kind}|${scope}|${period.from}|${period.to}` : `${kind}|${scope}`;
}

export interface ReportCache {
  /** The answer for `key`, loading it once; a failed load is forgotten so that "Try again" asks again. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function createReportCache(): ReportCache {
  const answers = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const known = answers.get(key);
      if (known) return known as Promise<T>;
      const answer = load();
      answers.set(key, answer);
      answer.catch(() => {
        if (answers.get(key) === answer) answers.delete(key);
      });
      return answer;
    },
  };
}
