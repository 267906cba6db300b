import { useCallback } from 'react';
import type { ReportPeriodDto, ReportQueryDto } from '../../../../src/contract/reports';
import type { ScopeDto } from '../../../../src/contract';
import { useResource, type Resource } from '../../hooks/useResource';
import { useEditRefresh } from '../edits/editsContext';
import { reportCacheKey, usesPeriod, type ReportCache } from './reportCache';
import type { ReportKind } from './reportCsv';

/** What every report view is given by the panel. */
export interface ReportContext {
  scope: ScopeDto;
  period: ReportPeriodDto;
  /** 'yyyy-mm-dd', local. */
  today: string;
  cache: ReportCache;
}

/** One report for the panel's scope and period, read once per scope and period (the cache key covers both) and edit. */
export function useReport<T>({ scope, period, cache }: ReportContext, kind: ReportKind, fetch: (query: ReportQueryDto) => Promise<T>): Resource<T> {
  const refresh = useEditRefresh();
  // After an edit from the page, the reports are read again.
  const key = `${reportCacheKey(kind, scope, period)}${refresh ? `#${refresh}` : ''}`;
  // `key` names everything the fetch depends on, so the loader changes exactly when the answer would.
  const load = useCallback(() => cache.get(key, () => fetch(usesPeriod(kind) ? { scope, period } : { scope })), [cache, key]);
  return useResource(load);
}
