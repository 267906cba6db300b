// The harness must be imported before @forge/kvs and @forge/sql: it routes the real packages to local services.
import { useSql, useMemoryStore } from '../../dev/kvs/harness';

import { randomBytes } from 'node:crypto';
import { sql } from '@forge/sql';
import { readScopeDoc, writeScopeDocs } from '../../../src/storage/snapshot/figureRows';
import { ensureSchema } from '../../../src/storage/sql/schema';

describe('page figures documents in Forge SQL', () => {
  beforeEach(async () => {
    useMemoryStore();
    await useSql();
    await ensureSchema();
  });

  it('keeps a document larger than one Forge SQL request whole, surrogate pairs and accents included', async () => {
    // Random text does not deflate: about 1.3 MB of JSON stays several 150,000-unit chunks once deflated and in base64.
    const risks = Array.from({ length: 9_000 }, (_, n) => ({ key: `RISK-${n}`, summary: `${randomBytes(60).toString('base64')}${n % 3 === 0 ? '🔥' : 'é'}${randomBytes(40).toString('hex')}` }));
    const value = { risks, note: `${'b'.repeat(149_999)}😀${'c'.repeat(10)}` };
    await writeScopeDocs('fig-1', [
      { scopeKey: 'global', part: 'riskMatrix', value },
      { scopeKey: 'global', part: 'facets', value: { boxes: [], types: ['Story'] } },
    ]);
    expect(await chunksOf('fig-1', 'riskMatrix')).toBeGreaterThan(3);
    expect(await readScopeDoc('fig-1', 'global', 'riskMatrix')).toEqual(value);
    expect(await readScopeDoc('fig-1', 'global', 'facets')).toEqual({ boxes: [], types: ['Story'] });
    expect(await readScopeDoc('fig-1', 'box:NOPE-1', 'facets')).toBeNull();
  });

  it('stores a report-like document deflated, a fraction of its JSON, and still reads one stored before as plain JSON', async () => {
    const rows = Array.from({ length: 5_000 }, (_, n) => ({ key: `TO-${n}`, summary: `Blocked waiting for a decision on item ${n}`, status: 'Blocked', days: n % 40 }));
    await writeScopeDocs('fig-2', [{ scopeKey: 'global', part: 'weeklyReport', value: { rows } }]);
    const stored = await sql.prepare<{ n: number }>("SELECT SUM(LENGTH(text)) AS n FROM page_figures_doc WHERE figures_id = 'fig-2'").execute();
    expect(Number(stored.rows[0]?.n)).toBeLessThan(JSON.stringify({ rows }).length / 5);
    expect(await readScopeDoc('fig-2', 'global', 'weeklyReport')).toEqual({ rows });
    await sql.prepare("INSERT INTO page_figures_doc (figures_id, scope_key, part, chunk, text) VALUES ('fig-3', 'global', 'facets', 0, ?)").bindParams(JSON.stringify({ types: ['Épique'] })).execute();
    expect(await readScopeDoc('fig-3', 'global', 'facets')).toEqual({ types: ['Épique'] });
  });
});

async function chunksOf(figuresId: string, part: string): Promise<number> {
  const result = await sql.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM page_figures_doc WHERE figures_id = ? AND part = ?').bindParams(figuresId, part).execute();
  return Number(result.rows[0]?.n ?? 0);
}
