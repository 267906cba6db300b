/**
 * Calendar arithmetic for the generator, all in UTC.
 * A `Day` is a whole number of days since 1970-01-01; instants are epoch milliseconds.
 */
import type { Rng } from './random';

export type Day = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(text: string): Day {
  const match = DAY_PATTERN.exec(text);
  if (!match) throw new Error(`Expected a yyyy-mm-dd date, got "${text}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = ms / DAY_MS;
  if (!Number.isInteger(day) || formatDay(day) !== text) throw new Error(`Not a calendar date: "${text}"`);
  return day;
}

const dayCache = new Map<Day, string>();

/** 'yyyy-mm-dd' */
export function formatDay(day: Day): string {
  let text = dayCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayCache.set(day, text);
  }
  return text;
}

/** Jira's timestamp format: "2026-03-01T10:15:00.000+0000". */
export function formatTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+0000`;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function dayOf(ms: number): Day {
  return Math.floor(ms / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day itself on a weekday, else the following Monday. */
export function nextWorkday(day: Day): Day {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** A random instant during working hours (08:00–18:59 UTC) of the day. */
export function workTime(rng: Rng, day: Day): number {
  return day * DAY_MS + 8 * HOUR_MS + rng.int(0, 11 * 60 - 1) * MINUTE_MS + rng.int(0, 59) * 1000;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Squeezes the time of day into 08:00–19:00, keeping the order of instants. */
function duringWorkingHours(ms: number): number {
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  return dayStart + 8 * HOUR_MS + Math.floor(((ms - dayStart) * 11) / 24);
}

/**
 * `count` strictly increasing instants inside the open interval (from, to), roughly spread out,
 * in whole seconds and during working hours where the interval allows it.
 * Requires to - from > count + 1 milliseconds.
 */
export function spreadTimes(rng: Rng, from: number, to: number, count: number): number[] {
  const times: number[] = [];
  if (count <= 0) return times;
  const slot = (to - from) / count;
  for (let i = 0; i < count; i++) {
    let at = from + slot * (i + rng.between(0.1, 0.9));
    const working = Math.floor(duringWorkingHours(at) / 1000) * 1000;
    if (working > from && working < to) at = working;
    else if (slot > 10_000) at = Math.floor(at / 1000) * 1000;
    times.push(Math.floor(at));
  }
  for (let i = 1; i < times.length; i++) {
    const prev = times[i - 1] as number;
    if ((times[i] as number) <= prev) times[i] = prev + 1;
  }
  return times;
}
