import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const contentType = (file: string): string => TYPES[path.extname(file)] ?? 'application/octet-stream';

/** Reads a file below `root`, refusing any path that escapes it. */
export async function readBelow(root: string, relative: string): Promise<Buffer | null> {
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (!resolved.startsWith(path.resolve(root) + path.sep)) return null;
  try {
    return await readFile(resolved);
  } catch {
    return null;
  }
}
