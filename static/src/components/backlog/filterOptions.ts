/** The options of the backlog's filters. No React here. */
import type { BacklogFacetsDto, BacklogQueryDto, RiskBandDto } from '../../../../src/contract';

export interface Option<V extends string = string> {
  value: V;
  label: string;
  /** How far a box sits below the scope's top (boxes only). */
  depth?: number;
}

export type StatusCategory = NonNullable<BacklogQueryDto['statusCategory']>;

export const STATUS_OPTIONS: readonly Option<StatusCategory>[] = [
  { value: 'new', label: 'To do' },
  { value: 'indeterminate', label: 'In progress' },
  { value: 'done', label: 'Done' },
];

export const BAND_OPTIONS: readonly Option<RiskBandDto>[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
  { value: 'critical', label: 'Critical' },
];

/** Boxes in tree order, each with its depth for indenting. */
export const boxOptions = (facets: BacklogFacetsDto | undefined): Option[] => (facets?.boxes ?? []).map((box) => ({ value: box.id, label: box.name, depth: box.depth }));

export const typeOptions = (facets: BacklogFacetsDto | undefined): Option[] => (facets?.types ?? []).map((type) => ({ value: type, label: type }));

/** The option of a value; a value the options do not know (e.g. from a saved view) still shows, as itself. */
export function selected<V extends string>(options: readonly Option<V>[], value: V | undefined): Option<V> | null {
  if (value === undefined) return null;
  return options.find((option) => option.value === value) ?? { value, label: value };
}
