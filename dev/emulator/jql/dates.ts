/** Date handling for JQL. The emulated site runs in UTC, so every user's time zone is UTC. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const UNIT_MS: Record<string, number> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

/** Reads Jira's timestamps ("2026-03-01T10:15:00.000+0000") and plain dates ("2026-03-01"). */
export function parseJiraDateTime(text: string): number | undefined {
  const normalized = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(normalized) ? `${normalized}T00:00:00Z` : normalized);
  return Number.isNaN(ms) ? undefined : ms;
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Periods such as "-7d", "2w", "-1w 2d": each part takes the sign of the first when it has none. */
function parsePeriod(text: string): number | undefined {
  const parts = text.trim().split(/\s+/);
  let sign = 1;
  let total = 0;
  for (const [index, part] of parts.entries()) {
    const match = /^([+-]?)(\d+)([wdhm])$/.exec(part);
    if (!match) return undefined;
    const [, signText, amount, unit] = match;
    if (signText === '-') sign = -1;
    else if (signText === '+') sign = 1;
    else if (index === 0) sign = 1;
    total += sign * Number(amount) * (UNIT_MS[unit as string] ?? 0);
  }
  return total;
}

/** JQL's absolute formats: yyyy-MM-dd or yyyy/MM/dd, optionally followed by HH:mm. */
function parseAbsolute(text: string): number | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

export function parseDateValue(text: string, now: number): number | undefined {
  const absolute = parseAbsolute(text);
  if (absolute !== undefined) return absolute;
  const period = parsePeriod(text);
  return period === undefined ? undefined : now + period;
}

export function invalidDateMessage(value: string, field: string): string {
  return `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;
}

type Unit = 'day' | 'week' | 'month' | 'year';

function startOf(unit: Unit, ms: number): number {
  const d = new Date(startOfUtcDay(ms));
  if (unit === 'week') return d.getTime() - d.getUTCDay() * DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  return d.getTime();
}

function shift(unit: string, amount: number, ms: number): number {
  const d = new Date(ms);
  if (unit === 'M' || unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + amount, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  if (unit === 'y' || unit === 'year') return Date.UTC(d.getUTCFullYear() + amount, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  const step = unit === 'week' ? WEEK : unit === 'day' ? DAY : UNIT_MS[unit];
  return step === undefined ? Number.NaN : ms + amount * step;
}

const BOUNDARY_FUNCTIONS: Record<string, { unit: Unit; end: boolean }> = {
  startofday: { unit: 'day', end: false },
  endofday: { unit: 'day', end: true },
  startofweek: { unit: 'week', end: false },
  endofweek: { unit: 'week', end: true },
  startofmonth: { unit: 'month', end: false },
  endofmonth: { unit: 'month', end: true },
  startofyear: { unit: 'year', end: false },
  endofyear: { unit: 'year', end: true },
};

export function isDateFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'now' || lower in BOUNDARY_FUNCTIONS;
}

/**
 * now(), startOfDay(), endOfMonth("-1") and the like. The optional argument moves the boundary by
 * "[+-]N" of the function's own unit or "[+-]N[yMwdhm]". Ends are the last millisecond of the unit.
 */
export function evaluateDateFunction(name: string, args: readonly string[], now: number): number | undefined {
  const lower = name.toLowerCase();
  if (lower === 'now') return args.length === 0 ? now : undefined;
  const boundary = BOUNDARY_FUNCTIONS[lower];
  if (!boundary || args.length > 1) return undefined;
  let base = now;
  let offset: { unit: string; amount: number } | undefined;
  if (args[0] !== undefined) {
    const match = /^([+-]?\d+)([yMwdhm]?)$/.exec(args[0].trim());
    if (!match) return undefined;
    offset = { amount: Number(match[1]), unit: match[2] || boundary.unit };
  }
  if (offset && offset.unit === boundary.unit) base = shift(offset.unit, offset.amount, base);
  const start = startOf(boundary.unit, base);
  let result = boundary.end ? shift(boundary.unit, 1, start) - 1 : start;
  if (offset && offset.unit !== boundary.unit) result = shift(offset.unit, offset.amount, result);
  return Number.isNaN(result) ? undefined : result;
}
