// The harness must be imported before @forge/kvs (it installs global.__forge_fetch__).
import { FakeClock, useStore } from './harness';

import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';

import type { EntityDefinition } from '../../../dev/runtime/kvs';
import { expectKvsError } from './assertions';

interface Employee {
  surname: string;
  age?: number;
  employmentyear?: number;
  nationality?: string;
  active?: boolean;
  rating?: number;
  tags?: unknown;
}

/** Declared like manifest.yml `app.storage.entities`. */
const definitions: EntityDefinition[] = [
  {
    name: 'employee',
    attributes: {
      surname: { type: 'string' },
      age: { type: 'integer' },
      employmentyear: { type: 'integer' },
      nationality: { type: 'string' },
      active: { type: 'boolean' },
      rating: { type: 'float' },
      tags: { type: 'any' },
    },
    indexes: [
      'surname',
      { name: 'by-age', range: ['age'] },
      { name: 'by-nationality-year', partition: ['nationality'], range: ['employmentyear'] },
    ],
  },
];

const staff: Record<string, Employee> = {
  e01: { surname: 'Davis', age: 30, employmentyear: 2022, nationality: 'Australian', active: true, rating: 4.5 },
  e02: { surname: 'Scott', age: 41, employmentyear: 2015, nationality: 'Australian', active: false },
  e03: { surname: 'Smith', age: 25, employmentyear: 2023, nationality: 'British', active: true, tags: ['new'] },
  e04: { surname: 'Stone', age: 35, employmentyear: 2019, nationality: 'Australian', active: true },
  e05: { surname: 'Nguyen', age: 52, employmentyear: 2001, nationality: 'Australian', active: true },
  e06: { surname: 'Sato', age: 29, employmentyear: 2019, nationality: 'Japanese', active: false },
  e07: { surname: 'Sanders' }, // sparse: only in the 'surname' index
};

async function seed(): Promise<void> {
  const employees = kvs.entity<Employee>('employee');
  for (const [key, value] of Object.entries(staff)) await employees.set(key, value);
}

describe('local KVS: custom entities with manifest definitions', () => {
  let clock: FakeClock;
  beforeEach(async () => {
    clock = new FakeClock();
    useStore({ entities: definitions, now: clock.now });
    await seed();
  });

  it('sets, gets and deletes entities, separate from plain keys', async () => {
    const employees = kvs.entity<Employee>('employee');
    expect(await employees.get('e01')).toEqual(staff.e01);
    expect(await employees.get('e01', { metadataFields: [MetadataField.CREATED_AT] })).toEqual({
      key: 'e01',
      value: staff.e01,
      createdAt: Math.floor(clock.ms / 1000),
    });
    expect(await kvs.get('e01')).toBeUndefined();
    await kvs.set('e01', 'plain');
    expect(await employees.get('e01')).toEqual(staff.e01);
    await employees.delete('e01');
    expect(await employees.get('e01')).toBeUndefined();
    expect(await kvs.get('e01')).toBe('plain');
    expect(await employees.get('missing')).toBeUndefined();
  });

  it('validates attributes against the definition', async () => {
    const employees = kvs.entity<Record<string, unknown>>('employee');
    await expectKvsError(employees.set('x1', { surname: 'A', age: '30' }), 'INVALID_ENTITY_VALUE', 400);
    await expectKvsError(employees.set('x2', { surname: 'A', age: 30.5 }), 'INVALID_ENTITY_VALUE', 400);
    await expectKvsError(employees.set('x3', { surname: 'A', salary: 1 }), 'INVALID_ENTITY_VALUE', 400);
    await expectKvsError(kvs.entity<string>('employee').set('x4', 'not an object'), 'INVALID_ENTITY_VALUE', 400);
    await employees.set('x5', { surname: 'A', rating: 3, tags: { any: ['thing'] } });
    expect(await employees.get('x5')).toEqual({ surname: 'A', rating: 3, tags: { any: ['thing'] } });
  });

  it('validates entity names and keys with the Custom Entity Store codes', async () => {
    await expectKvsError(kvs.entity('department').set('d1', { name: 'x' }), 'INVALID_ENTITY_TYPE', 400);
    await expectKvsError(kvs.entity('ab').get('k'), 'ENTITY_TYPE_TOO_SHORT', 400);
    await expectKvsError(kvs.entity('e'.repeat(61)).get('k'), 'ENTITY_TYPE_TOO_LARGE', 400);
    await expectKvsError(kvs.entity('Employee').get('k'), 'INVALID_ENTITY_TYPE', 400);
    await expectKvsError(kvs.entity<Employee>('employee').set('', { surname: 'A' }), 'EMPTY_KEY', 400);
    await expectKvsError(kvs.entity<Employee>('employee').get('k'.repeat(501)), 'KEY_TOO_LONG', 400);
  });

  it('queries an index with partition and a range condition, ascending and descending', async () => {
    const byYear = () =>
      kvs.entity<Employee>('employee').query().index('by-nationality-year', { partition: ['Australian'] });

    const asc = await byYear().where(WhereConditions.between(2010, 2022)).getMany();
    expect(asc.results.map((r) => r.key)).toEqual(['e02', 'e04', 'e01']);
    expect(asc.nextCursor).toBeUndefined();

    const desc = await byYear().sort(Sort.DESC).getMany();
    expect(desc.results.map((r) => r.key)).toEqual(['e01', 'e04', 'e02', 'e05']);

    const gt = await byYear().where(WhereConditions.greaterThan(2019)).getMany();
    expect(gt.results.map((r) => r.value.surname)).toEqual(['Davis']);

    const one = await byYear().where(WhereConditions.lessThanEqualTo(2001)).getOne();
    expect(one).toEqual({ key: 'e05', value: staff.e05 });
  });

  it('pages through an index with cursor and limit, ties broken by key', async () => {
    const keys: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let q = kvs.entity<Employee>('employee').query().index('surname').limit(2);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await q.getMany();
      keys.push(...page.results.map((r) => r.value.surname));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(4);
    expect(keys).toEqual(['Davis', 'Nguyen', 'Sanders', 'Sato', 'Scott', 'Smith', 'Stone']);

    const first = await kvs.entity<Employee>('employee').query().index('by-age').limit(3).getMany();
    expect(first.results.map((r) => r.value.age)).toEqual([25, 29, 30]);
    // the index is sparse: e07 has no age and is not in it
    const rest = await kvs
      .entity<Employee>('employee')
      .query()
      .index('by-age')
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(rest.results.map((r) => r.value.age)).toEqual([35, 41, 52]);
    expect(rest.nextCursor).toBeUndefined();
  });

  it('applies and/or filters with FilterConditions', async () => {
    const activeAussies = await kvs
      .entity<Employee>('employee')
      .query()
      .index('by-nationality-year', { partition: ['Australian'] })
      .filters(new Filter<Employee>().and('active', FilterConditions.equalTo(true)).and('surname', FilterConditions.beginsWith('S')))
      .getMany();
    expect(activeAussies.results.map((r) => r.key)).toEqual(['e04']);

    const youngOrOld = await kvs
      .entity<Employee>('employee')
      .query()
      .index('by-age')
      .filters(new Filter<Employee>().or('age', FilterConditions.lessThan(27)).or('age', FilterConditions.greaterThanEqualTo(50)))
      .getMany();
    expect(youngOrOld.results.map((r) => r.key)).toEqual(['e03', 'e05']);

    const withTags = await kvs
      .entity<Employee>('employee')
      .query()
      .index('surname')
      .filters(new Filter<Employee>().and('tags', FilterConditions.exists()))
      .getMany();
    expect(withTags.results.map((r) => r.key)).toEqual(['e03']);

    const containsNew = await kvs
      .entity<Employee>('employee')
      .query()
      .index('surname')
      .where(WhereConditions.beginsWith('S'))
      .filters(
        new Filter<Employee>()
          .and('tags', FilterConditions.notContains('new'))
          .and('nationality', FilterConditions.notEqualTo('Japanese'))
          .and('rating', FilterConditions.notExists()),
      )
      .getMany();
    expect(containsNew.results.map((r) => r.value.surname)).toEqual(['Sanders', 'Scott', 'Stone']);

    const between = await kvs
      .entity<Employee>('employee')
      .query()
      .index('surname')
      .filters(new Filter<Employee>().and('age', FilterConditions.between(29, 35)).and('surname', FilterConditions.contains('a')))
      .getMany();
    expect(between.results.map((r) => r.value.surname)).toEqual(['Davis', 'Sato']);
  });

  it('rejects bad queries with the Custom Entity Store codes', async () => {
    const employees = kvs.entity<Employee>('employee');
    await expectKvsError(employees.query().index('no-such-index').getMany(), 'INVALID_ENTITY_INDEX', 400);
    await expectKvsError(employees.query().index('by-nationality-year').getMany(), 'INVALID_ENTITY_INDEX', 400);
    await expectKvsError(employees.query().index('by-age').limit(101).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 400);
    await expectKvsError(employees.query().index('by-age').limit(0).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 400);

    const { store } = useStore({ entities: definitions });
    const both = await store.handle('/api/v1/entity/query', {
      entityName: 'employee',
      indexName: 'by-age',
      filters: {
        and: [{ property: 'age', condition: 'EXISTS', values: [true] }],
        or: [{ property: 'age', condition: 'EXISTS', values: [true] }],
      },
    });
    expect(both).toMatchObject({ status: 400, body: { code: 'INVALID_FILTER_OPERATORS_COMBINATION' } });
    const empty = await store.handle('/api/v1/entity/query', { entityName: 'employee', indexName: 'by-age', filters: { and: [] } });
    expect(empty).toMatchObject({ status: 400, body: { code: 'EMPTY_FILTER_OPERATOR' } });
    const oneValue = await store.handle('/api/v1/entity/query', {
      entityName: 'employee',
      indexName: 'by-age',
      range: { condition: 'BETWEEN', values: [1] },
    });
    expect(oneValue).toMatchObject({ status: 400, body: { code: 'INSUFFICIENT_FILTER_VALUES' } });
  });

  it('batches mix plain keys and entities', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'e10', entityName: 'employee', value: { surname: 'Batch' } },
      { key: 'e11', entityName: 'employee', value: { surname: 1 } },
      { key: 'plain', value: 'p' },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'e10', entityName: 'employee' }, { key: 'plain' }]);
    expect(set.failedKeys).toEqual([
      { key: 'e11', entityName: 'employee', error: { code: 'INVALID_ENTITY_VALUE', message: expect.any(String) as unknown } },
    ]);
    const got = await kvs.batchGet([
      { key: 'e10', entityName: 'employee' },
      { key: 'plain' },
      { key: 'e99', entityName: 'employee' },
    ]);
    expect(got.successfulKeys).toEqual([
      { key: 'e10', entityName: 'employee', value: { surname: 'Batch' } },
      { key: 'plain', value: 'p' },
    ]);
    expect(got.failedKeys).toEqual([
      { key: 'e99', entityName: 'employee', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } },
    ]);
  });
});

describe('local KVS: custom entities without definitions (no manifest entities declared)', () => {
  it('accepts any entity object and treats an index name as a range over that attribute', async () => {
    useStore();
    const tasks = kvs.entity<{ title: string; priority?: number }>('task');
    await expectKvsError(kvs.entity('ab').set('k', {}), 'ENTITY_TYPE_TOO_SHORT', 400);
    await tasks.set('t1', { title: 'low', priority: 1 });
    await tasks.set('t2', { title: 'high', priority: 9 });
    await tasks.set('t3', { title: 'none' });
    const byPriority = await tasks.query().index('priority').sort(Sort.DESC).getMany();
    expect(byPriority.results.map((r) => r.key)).toEqual(['t2', 't1']);
    const mid = await tasks.query().index('priority').where(WhereConditions.greaterThanEqualTo(5)).getMany();
    expect(mid.results.map((r) => r.value.title)).toEqual(['high']);
    await expectKvsError(tasks.query().index('priority', { partition: ['x'] }).getMany(), 'INVALID_ENTITY_INDEX', 400);
  });
});
