import type { FieldConcept, StatusCategory, WorkItem } from './model';
import { normaliseName, sameName } from './names';
import { knownStatusCategory } from './views';

/** What a change is about: the status, or one of the mapped concepts. */
export type HistoryConcept = 'status' | FieldConcept;

/**
 * One change of one field of one issue, as the Jira adapter maps it from the changelog. Status changes carry
 * status names; select fields their option values; numbers are written as strings.
 */
export interface FieldChange {
  key: string;
  /** ISO 8601 instant. */
  at: string;
  concept: HistoryConcept;
  from: string | null;
  to: string | null;
}

/** Status categories by status name (the names are matched trimmed and case-insensitively). */
export type StatusCategories = Readonly<Record<string, StatusCategory>>;

/** A change with its instant in milliseconds since the epoch. */
export interface TimedChange extends FieldChange {
  ms: number;
}

/** The changes sorted and grouped by issue and concept, for repeated look-ups. */
export interface History {
  readonly indexed: true;
  /** One issue's changes of one concept, oldest first; changes at the same instant keep their input order. */
  changesOf(key: string, concept: HistoryConcept): readonly TimedChange[];
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Minutes east of UTC of "Z", "+01:00" or "-0530"; null when out of range. */
function zoneMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

const ZERO = 48;

/** The number written by `length` digits at `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let index = from; index < from + length; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function epochMs(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offsetMinutes: number): number | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  let utc: number;
  if (year >= 100) {
    utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  } else {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, millis);
    utc = date.getTime();
  }
  return utc - offsetMinutes * 60_000;
}

/** Jira's own form, "2026-03-01T10:00:00.000+0000" (or with "Z" or "+00:00"), read without a regular expression. */
function jiraInstant(text: string): number | null | undefined {
  if (text.length < 24 || text.length > 29 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(19) !== 46 /* . */) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const millis = digitsAt(text, 20, 3);
  if (text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':' || [year, month, day, hour, minute, second, millis].includes(-1)) return undefined;
  const zone = text.slice(23);
  const offset = ZONE_FORMS.test(zone) ? zoneMinutes(zone) : undefined;
  if (offset === undefined) return undefined;
  return offset === null ? null : epochMs(year, month, day, hour, minute, second, millis, offset);
}

const ZONE_FORMS = /^(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Milliseconds since the epoch of an ISO date or timestamp (the forms `parseIsoDate` accepts); a timestamp without
 * a zone is read as UTC, and a plain date as its UTC midnight. null for anything else, including days that do not
 * exist. Jira's own form is read without a regular expression, as this runs once per change of a large history.
 */
export function parseInstant(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const fast = jiraInstant(value);
  if (fast !== undefined) return fast;
  const match = ISO_INSTANT.exec(value.length > 40 ? '' : value.trim());
  if (match === null) return null;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, zone] = match;
  const offset = zoneMinutes(zone);
  if (offset === null) return null;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const number = (text: string | undefined): number => (text === undefined ? 0 : Number(text));
  return epochMs(Number(yearText), Number(monthText), Number(dayText), number(hourText), number(minuteText), number(secondText), millis, offset);
}

const NONE: readonly TimedChange[] = [];

/**
 * Indexes the changes: a change whose `at` is not an instant is ignored. Stable: changes at the same instant
 * keep their input order. O(n log n).
 */
export function indexHistory(changes: readonly FieldChange[]): History {
  const byKey = new Map<string, TimedChange[]>();
  for (const change of Array.isArray(changes) ? changes : []) {
    if (change === null || typeof change !== 'object' || typeof change.key !== 'string') continue;
    const ms = parseInstant(change.at);
    if (ms === null) continue;
    const timed: TimedChange = { key: change.key, at: change.at, concept: change.concept, from: textOrNull(change.from), to: textOrNull(change.to), ms };
    const list = byKey.get(change.key);
    if (list === undefined) byKey.set(change.key, [timed]);
    else list.push(timed);
  }
  // An issue's changes are split by concept and sorted when first asked for (issues have few changes each).
  const split = new Map<string, Map<HistoryConcept, TimedChange[]>>();
  const conceptsOf = (key: string): Map<HistoryConcept, TimedChange[]> | undefined => {
    let concepts = split.get(key);
    if (concepts === undefined) {
      const list = byKey.get(key);
      if (list === undefined) return undefined;
      concepts = new Map();
      for (const change of list) {
        const same = concepts.get(change.concept);
        if (same === undefined) concepts.set(change.concept, [change]);
        else same.push(change);
      }
      for (const same of concepts.values()) if (same.length > 1) same.sort((a, b) => a.ms - b.ms); // Array.prototype.sort is stable
      split.set(key, concepts);
    }
    return concepts;
  };
  return { indexed: true, changesOf: (key, concept) => conceptsOf(key)?.get(concept) ?? NONE };
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
}

function asHistory(changes: readonly FieldChange[] | History): History {
  return Array.isArray(changes) ? indexHistory(changes) : (changes as History);
}

/** Index of the last change at or before `ms`, or -1. Binary search. */
export function lastChangeAtOrBefore(list: readonly TimedChange[], ms: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as TimedChange).ms <= ms) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The value just before instant `t` (changes at `t` itself not yet applied), with the rules of `valueAt`. */
export function valueBefore<T>(list: readonly TimedChange[], t: number, current: T): string | null | T {
  const first = list[0];
  if (first === undefined) return current;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as TimedChange).ms < t) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? first.from : (list[low - 1] as TimedChange).to;
}

/**
 * The value of an issue's concept at an instant: the `to` of its last change at or before the instant; before
 * its first change, that change's `from`; with no changes at all, `current` (the value read from Jira now).
 * Pass an indexed History (see `indexHistory`) for many look-ups; a plain list is indexed on each call.
 */
export function valueAt<T>(changes: readonly FieldChange[] | History, key: string, concept: HistoryConcept, instant: string | number, current: T): string | null | T {
  const list = asHistory(changes).changesOf(key, concept);
  const first = list[0];
  if (first === undefined) return current;
  const ms = parseInstant(instant);
  if (ms === null) return current;
  const index = lastChangeAtOrBefore(list, ms);
  return index < 0 ? first.from : (list[index] as TimedChange).to;
}

/** Looks a status name up, trimmed and case-insensitively; null when it is not known. */
export function statusCategoryLookup(statusCategories: StatusCategories): (status: string | null) => StatusCategory | null {
  const byName = new Map<string, StatusCategory>();
  for (const [name, category] of Object.entries(statusCategories ?? {})) {
    const known = knownStatusCategory(category);
    const normalised = normaliseName(name);
    if (known !== null && normalised !== '' && !byName.has(normalised)) byName.set(normalised, known);
  }
  const answers = new Map<string | null, StatusCategory | null>();
  return (status) => {
    let answer = answers.get(status);
    if (answer === undefined) {
      answer = byName.get(normaliseName(status)) ?? null;
      answers.set(status, answer);
    }
    return answer;
  };
}

/** Whether a name is one of these names (trimmed, case-insensitive); answers are remembered per distinct name. */
export function nameMatcher(names: readonly string[]): (name: string | null) => boolean {
  const wanted = new Set(names.map(normaliseName).filter((name) => name !== ''));
  const answers = new Map<string | null, boolean>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = wanted.has(normaliseName(name));
      answers.set(name, answer);
    }
    return answer;
  };
}

/**
 * The category of a status the issue had: from the site's statuses; a status they do not list counts as the
 * issue's current category when it is the current status, else as unknown (null).
 */
export function categoryOfStatus(lookup: (status: string | null) => StatusCategory | null, item: WorkItem, status: string | null): StatusCategory | null {
  const category = lookup(status);
  if (category !== null) return category;
  return sameName(status, item.status) ? knownStatusCategory(item.statusCategory) : null;
}

/** The status category of an issue at an instant (see `valueAt`), or null when its status then is not known. */
export function statusCategoryAt(changes: readonly FieldChange[] | History, statusCategories: StatusCategories, item: WorkItem, instant: string | number): StatusCategory | null {
  const history = asHistory(changes);
  if (history.changesOf(item.key, 'status').length === 0) return knownStatusCategory(item.statusCategory);
  const status = valueAt(history, item.key, 'status', instant, item.status);
  return categoryOfStatus(statusCategoryLookup(statusCategories), item, status);
}
