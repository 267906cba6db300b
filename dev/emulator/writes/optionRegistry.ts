import type { SiteData, SiteField } from '../siteData';

/** A select option as REST v3 returns it in an issue's field. */
export interface OptionValue {
  self: string;
  value: string;
  id: string;
}

const isOption = (v: unknown): v is OptionValue =>
  typeof v === 'object' && v !== null && typeof (v as OptionValue).value === 'string' && typeof (v as OptionValue).id === 'string';

function optionsIn(value: unknown): OptionValue[] {
  if (Array.isArray(value)) return value.filter(isOption);
  return isOption(value) ? [value] : [];
}

/**
 * Option ids of select fields. The site lists a field's allowed values but not their ids, so ids are taken
 * from values already on the site's issues, and values never used get a fresh id that stays stable.
 */
export class OptionRegistry {
  private readonly byField = new Map<string, Map<string, string>>();
  private nextId: number | undefined;

  constructor(private readonly site: SiteData) {}

  /** The option `input` ({value} or {id}) names, or Jira's message when it names none. An {id} must be one in use. */
  resolve(field: SiteField, input: { value?: string | undefined; id?: string | undefined }, base: string): OptionValue | { error: string } {
    const ids = this.idsOf(field);
    let value = input.value;
    if (value === undefined && input.id !== undefined) {
      value = [...ids].find(([, id]) => id === input.id)?.[0];
    }
    if (value === undefined || (field.options !== undefined && !field.options.includes(value))) {
      return { error: `Specify a valid 'id' or 'name' for ${field.name}` };
    }
    let id = ids.get(value);
    if (id === undefined) {
      id = String(this.allocate());
      ids.set(value, id);
    }
    return { self: `${base}/rest/api/3/customFieldOption/${id}`, value, id };
  }

  private idsOf(field: SiteField): Map<string, string> {
    let ids = this.byField.get(field.id);
    if (ids) return ids;
    ids = new Map();
    for (const issue of this.site.issues) {
      for (const option of optionsIn(issue.customFields[field.id])) ids.set(option.value, option.id);
    }
    this.byField.set(field.id, ids);
    return ids;
  }

  private allocate(): number {
    if (this.nextId === undefined) {
      let max = 10_000;
      for (const issue of this.site.issues) {
        for (const value of Object.values(issue.customFields)) {
          for (const option of optionsIn(value)) max = Math.max(max, Number(option.id) || 0);
        }
      }
      this.nextId = max + 1;
    }
    return this.nextId++;
  }
}
