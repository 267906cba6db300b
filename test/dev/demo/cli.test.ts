import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_OUT, parseArgs, run } from '../../../dev/demo/main';
import { generateDemoSite } from '../../../dev/demo/generate';
import { writeSiteJson } from '../../../dev/demo/serialize';

describe('demo site CLI', () => {
  it('parses options in both spellings', () => {
    expect(parseArgs([])).toEqual({ out: DEFAULT_OUT });
    expect(parseArgs(['--seed', '7', '--anchor=2026-01-02', '--scale', '2.5', '--out', 'x.json'])).toEqual({ seed: 7, anchorDate: '2026-01-02', scale: 2.5, out: 'x.json' });
    expect(() => parseArgs(['--seed'])).toThrow('needs a value');
    expect(() => parseArgs(['--scale', 'big'])).toThrow('needs a number');
    expect(() => parseArgs(['--nope'])).toThrow('Unknown argument');
  });

  it('writes the site JSON to the path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-site-'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const out = path.join(dir, 'nested', 'site.json');
      run(['--seed', '5', '--anchor', '2026-03-01', '--scale', '0.5', '--out', out]);
      const written = readFileSync(out, 'utf8');
      expect(written).toBe(JSON.stringify(generateDemoSite({ seed: 5, anchorDate: '2026-03-01', scale: 0.5 })));
    } finally {
      stderr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes in chunks that add up to the whole', () => {
    const site = generateDemoSite({ seed: 1, anchorDate: '2026-03-01', scale: 0.2 });
    const chunks: string[] = [];
    writeSiteJson(site, (c) => chunks.push(c), 10_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(JSON.stringify(site));
  });
});
