/**
 * The site as JSON text in pieces, so a 100k-issue site can be written without one huge string.
 * Concatenated, the pieces equal JSON.stringify(site).
 */
import type { SiteData } from '../emulator/siteData';

export function* siteJsonChunks(site: SiteData): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(site)) {
    if (value === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(value)) {
      yield '[';
      for (let i = 0; i < value.length; i++) yield (i === 0 ? '' : ',') + JSON.stringify(value[i] ?? null);
      yield ']';
    } else {
      yield JSON.stringify(value);
    }
  }
  yield first ? '{}' : '}';
}

/** Feeds the JSON to `write` in chunks of about `chunkSize` characters. */
export function writeSiteJson(site: SiteData, write: (chunk: string) => void, chunkSize = 1 << 20): void {
  let buffer: string[] = [];
  let size = 0;
  for (const piece of siteJsonChunks(site)) {
    buffer.push(piece);
    size += piece.length;
    if (size >= chunkSize) {
      write(buffer.join(''));
      buffer = [];
      size = 0;
    }
  }
  if (size > 0) write(buffer.join(''));
}
