/**
 * What every part of the generator shares: the seeded randomness and the site's calendar.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, parseDay, type Day } from './dates';
import { Rng } from './random';

export interface GenContext {
  /** The root stream; parts fork named streams from it so they do not disturb each other. */
  rng: Rng;
  scale: number;
  /** The site's today. */
  anchorDay: Day;
  /** The site's now: noon UTC of the anchor day. Nothing happens after it. */
  nowMs: number;
  /** The transformation's kick-off, about 12 months back. */
  kickoffDay: Day;
  /** The horizon of the roadmap, about 6 months ahead. */
  horizonDay: Day;
  /** When the first issues were created. */
  siteStartDay: Day;
}

export function createContext(seed: number, anchorDate: string, scale: number): GenContext {
  const anchorDay = parseDay(anchorDate);
  return {
    rng: Rng.fromSeed(seed),
    scale,
    anchorDay,
    nowMs: anchorDay * DAY_MS + 12 * HOUR_MS,
    kickoffDay: anchorDay - 365,
    horizonDay: anchorDay + 183,
    siteStartDay: anchorDay - 380,
  };
}

/** The latest instant an event may have. */
export function latest(ctx: GenContext): number {
  return ctx.nowMs - MINUTE_MS;
}
