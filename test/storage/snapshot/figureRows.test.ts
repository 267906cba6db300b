// The harness must be imported before @forge/kvs and @forge/sql: it routes the real packages to local services.
import { useSql, useMemoryStore } from '../../dev/kvs/harness';

import { readScopeDoc, writeScopeDocs } from '../../../src/storage/snapshot/figureRows';
import { ensureSchema } from '../../../src/storage/sql/schema';

describe('page figures documents in Forge SQL', () => {
  beforeEach(async () => {
    useMemoryStore();
    await useSql();
    await ensureSchema();
  });

  it('keeps a document larger than one Forge SQL request whole, surrogate pairs across chunk ends included', async () => {
    // 900,000 code units: six chunks, each under 1 MiB; an emoji (two code units) at every 149,999th unit.
    const risks = Array.from({ length: 9_000 }, (_, n) => ({ key: `RISK-${n}`, summary: `${'é'.repeat(40)}${n % 3 === 0 ? '🔥' : 'x'}${'a'.repeat(40)}` }));
    const value = { risks, note: `${'b'.repeat(149_999)}😀${'c'.repeat(10)}` };
    await writeScopeDocs('fig-1', [
      { scopeKey: 'global', part: 'riskMatrix', value },
      { scopeKey: 'global', part: 'facets', value: { boxes: [], types: ['Story'] } },
    ]);
    expect(await readScopeDoc('fig-1', 'global', 'riskMatrix')).toEqual(value);
    expect(await readScopeDoc('fig-1', 'global', 'facets')).toEqual({ boxes: [], types: ['Story'] });
    expect(await readScopeDoc('fig-1', 'box:NOPE-1', 'facets')).toBeNull();
  });
});
