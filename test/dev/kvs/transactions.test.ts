// The harness must be imported before @forge/kvs (it installs global.__forge_fetch__).
import { useStore } from './harness';

import { Filter, FilterConditions, kvs } from '@forge/kvs';

import type { EntityDefinition } from '../../../dev/runtime/kvs';
import { expectKvsError } from './assertions';

interface Account {
  owner: string;
  balance: number;
  status: string;
}

const definitions: EntityDefinition[] = [
  {
    name: 'account',
    attributes: { owner: { type: 'string' }, balance: { type: 'integer' }, status: { type: 'string' } },
    indexes: ['owner'],
  },
];

describe('local KVS: transactions through the real @forge/kvs', () => {
  beforeEach(async () => {
    useStore({ entities: definitions });
    await kvs.set('to-delete', 'x');
    await kvs.set('untouched', 'u');
    await kvs.entity<Account>('account').set('acc-1', { owner: 'ann', balance: 100, status: 'open' });
    await kvs.entity<Account>('account').set('acc-2', { owner: 'bob', balance: 5, status: 'frozen' });
  });

  async function snapshot(): Promise<unknown[]> {
    return [
      await kvs.get('to-delete'),
      await kvs.get('new-key'),
      await kvs.get('untouched'),
      await kvs.entity<Account>('account').get('acc-1'),
      await kvs.entity<Account>('account').get('acc-2'),
      await kvs.entity<Account>('account').get('acc-3'),
    ];
  }

  it('commits plain sets and deletes together', async () => {
    await kvs.transact().set('new-key', { v: 1 }).delete('to-delete').execute();
    expect(await kvs.get('new-key')).toEqual({ v: 1 });
    expect(await kvs.get('to-delete')).toBeUndefined();
    expect(await kvs.get('untouched')).toBe('u');
  });

  it('commits entity operations whose checks and conditions hold', async () => {
    await kvs
      .transact()
      .check('acc-1', {
        entityName: 'account',
        conditions: new Filter<Account>().and('status', FilterConditions.equalTo('open')).and('balance', FilterConditions.greaterThanEqualTo(50)),
      })
      .set<Account>('acc-2', { owner: 'bob', balance: 55, status: 'frozen' }, {
        entityName: 'account',
        conditions: new Filter<Account>().and('balance', FilterConditions.equalTo(5)),
      })
      .set<Account>('acc-3', { owner: 'cat', balance: 0, status: 'open' }, {
        entityName: 'account',
        conditions: new Filter<Account>().and('owner', FilterConditions.notExists()),
      })
      .delete('to-delete')
      .execute();
    expect(await snapshot()).toEqual([
      undefined,
      undefined,
      'u',
      { owner: 'ann', balance: 100, status: 'open' },
      { owner: 'bob', balance: 55, status: 'frozen' },
      { owner: 'cat', balance: 0, status: 'open' },
    ]);
  });

  it('applies nothing when a check fails, and rejects with 409 CONDITION_CHECK_FAILED', async () => {
    const before = await snapshot();
    const err = await expectKvsError(
      kvs
        .transact()
        .set('new-key', 'should not appear')
        .delete('to-delete')
        .set<Account>('acc-1', { owner: 'ann', balance: 0, status: 'open' }, { entityName: 'account' })
        .check('acc-2', {
          entityName: 'account',
          conditions: new Filter<Account>().and('status', FilterConditions.equalTo('open')),
        })
        .execute(),
      'CONDITION_CHECK_FAILED',
      409,
    );
    expect(err.responseDetails.httpPath).toBe('/api/v1/transaction');
    expect(err.context).toEqual({
      failedConditions: [{ operation: 'check', index: 0, key: 'acc-2', entityName: 'account' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('applies nothing when a conditional set or delete does not hold', async () => {
    const before = await snapshot();
    await expectKvsError(
      kvs
        .transact()
        .set('new-key', 1)
        .delete('acc-2', {
          entityName: 'account',
          conditions: new Filter<Account>().or('balance', FilterConditions.greaterThan(10)).or('owner', FilterConditions.equalTo('zed')),
        })
        .execute(),
      'CONDITION_CHECK_FAILED',
      409,
    );
    await expectKvsError(
      kvs
        .transact()
        .delete('to-delete')
        .set<Account>('acc-3', { owner: 'x', balance: 1, status: 'open' }, {
          entityName: 'account',
          conditions: new Filter<Account>().and('owner', FilterConditions.exists()),
        })
        .execute(),
      'CONDITION_CHECK_FAILED',
      409,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('applies nothing when one operation is invalid', async () => {
    const before = await snapshot();
    await expectKvsError(
      kvs.transact().set('new-key', 1).delete('to-delete').set('bad', 'x'.repeat(250 * 1024)).execute(),
      'MAX_SIZE',
      400,
    );
    await expectKvsError(
      kvs
        .transact()
        .set('new-key', 1)
        .set<Record<string, unknown>>('acc-1', { owner: 'ann', balance: 'lots' }, { entityName: 'account' })
        .execute(),
      'INVALID_ENTITY_VALUE',
      400,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('enforces the documented transaction limits (25 operations, each key once)', async () => {
    const big = kvs.transact();
    for (let i = 0; i < 26; i++) big.set(`k${i}`, i);
    await expectKvsError(big.execute(), 'BAD_REQUEST', 400);

    const max = kvs.transact();
    for (let i = 0; i < 25; i++) max.set(`k${i}`, i);
    await max.execute();
    expect(await kvs.get('k24')).toBe(24);

    await expectKvsError(kvs.transact().set('dup', 1).delete('dup').execute(), 'BAD_REQUEST', 400);
    expect(await kvs.get('dup')).toBeUndefined();
    // the same key in the plain store and in an entity are different keys
    await kvs.transact().set('acc-1', 'plain').check('acc-1', {
      entityName: 'account',
      conditions: new Filter<Account>().and('owner', FilterConditions.equalTo('ann')),
    }).execute();
    expect(await kvs.get('acc-1')).toBe('plain');

    await expectKvsError(kvs.transact().execute(), 'BAD_REQUEST', 400);
  });
});
