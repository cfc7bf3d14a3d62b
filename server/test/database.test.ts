import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation, type Database } from '../src/db/database';
import { databaseOverThread } from '../src/db/pglite';
import type { CheckpointEvent, CheckpointPolicy } from '../src/db/pglite-checkpoints';
import { blockNumbers, sequenceBlockColumn } from '../src/db/rows';
import { createTestStore, type TestStore } from './harness';

// The Database contract both stores keep (PGlite by default, PostgreSQL when DATABASE_URL is set):
// the repositories rely on the same values going in and coming out of either.
let store: TestStore;
let db: Database;

beforeAll(async () => {
  store = await createTestStore();
  db = await store.open();
  await db.exec('CREATE TABLE db_contract (id int PRIMARY KEY, tags text[], doc jsonb, at timestamptz, big bigint, flag boolean, note text)');
});
afterAll(async () => {
  await db.close();
  await store.destroy();
});

const count = async () => Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM db_contract'))[0]!.n);

describe('the database contract', () => {
  it('round-trips every kind of parameter the repositories pass', async () => {
    const tags = ['a,b', 'quote"d', 'back\\slash', '{brace}', 'عربي', ''];
    const at = new Date('2026-12-04T01:02:03.456Z');
    await db.query('INSERT INTO db_contract VALUES ($1, $2, $3, $4, $5, $6, $7)', [1, tags, JSON.stringify({ list: [1, 'x'], n: null }), at, 2 ** 40, true, null]);
    const [row] = await db.query<{ tags: string[]; doc: unknown; at: Date; big: number; flag: boolean; note: string | null }>('SELECT * FROM db_contract WHERE id = $1', [1]);
    expect(row).toMatchObject({ tags, doc: { list: [1, 'x'], n: null }, big: 2 ** 40, flag: true, note: null });
    expect(new Date(row!.at).toISOString()).toBe(at.toISOString());
    const found = await db.query<{ id: number }>('SELECT id FROM db_contract WHERE $1 = ANY(tags) AND id = ANY($2::int[])', ['quote"d', [1, 2]]);
    expect(found.map((r) => r.id)).toEqual([1]);
  });

  it.runIf(!process.env.DATABASE_URL)('creates WAL segments without zero-filling them on the embedded database', async () => {
    const [row] = await db.query<{ wal_init_zero: string }>('SHOW wal_init_zero');
    expect(row?.wal_init_zero).toBe('off');
  });

  it('refuses a broken statement every time it is sent, and goes on answering', async () => {
    for (let i = 0; i < 2; i++) {
      await expect(db.query('SELEC id FROM db_contract')).rejects.toMatchObject({ code: '42601' });
    }
    expect(await count()).toBe(1);
  });

  it('keeps answering a statement after many others have come and gone', async () => {
    const first = 'SELECT id FROM db_contract WHERE id = $1';
    expect(await db.query(first, [1])).toEqual([{ id: 1 }]);
    for (let i = 0; i < 250; i++) await db.query(`SELECT ${i}::int AS n WHERE $1::int > 0`, [1]);
    expect(await db.query(first, [1])).toEqual([{ id: 1 }]);
  });

  it('writes nothing from a transaction whose callback throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [2]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(1);
  });

  it('does not report as committed a transaction whose failed statement the callback passed over', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [3]);
        await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [1]).catch(() => undefined);
        return 'done';
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(1);
  });

  it('tells a unique violation by its code and constraint', async () => {
    await expect(db.query('INSERT INTO db_contract (id) VALUES ($1)', [1])).rejects.toMatchObject({ code: '23505', constraint: 'db_contract_pkey' });
    const error = await db.query('INSERT INTO db_contract (id) VALUES ($1)', [1]).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('keeps a transaction that starts with a failing statement from writing anything', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [1]).catch(() => undefined);
        await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [4]);
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(1);
    expect(await db.transaction(async () => 'nothing asked')).toBe('nothing asked');
  });

  it('answers statements sent together each on its own, in order, and writes nothing after a failure', async () => {
    let settled: PromiseSettledResult<unknown>[] = [];
    await expect(
      db.transaction(async (tx) => {
        settled = await Promise.allSettled([
          tx.query('INSERT INTO db_contract (id) VALUES ($1) RETURNING id', [7]),
          tx.query('INSERT INTO db_contract (id) VALUES ($1)', [1]),
          tx.query('SELECT 1 AS one'),
        ]);
      }),
    ).rejects.toThrow('rolled back');
    expect(settled[0]).toEqual({ status: 'fulfilled', value: [{ id: 7 }] });
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
    // PostgreSQL's own answer after a failure in a transaction: current transaction is aborted.
    expect(settled[2]).toMatchObject({ status: 'rejected', reason: { code: '25P02' } });
    expect(await count()).toBe(1);
  });

  it('parses again, next time, a statement skipped after an earlier one failed', async () => {
    const skipped = 'SELECT id FROM db_contract WHERE id = $1 AND $2::text IS NOT NULL';
    await db
      .transaction((tx) => Promise.all([tx.query('SELEC broken'), tx.query(skipped, [1, 'x'])]))
      .catch(() => undefined);
    expect(await db.query(skipped, [1, 'x'])).toEqual([{ id: 1 }]);
  });

  it('commits with the last statement in finish, and takes nothing after it', async () => {
    const rows = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [8]);
      const last = await tx.finish<{ id: number }>('INSERT INTO db_contract (id) VALUES ($1) RETURNING id', [9]);
      await expect(tx.query('SELECT 1')).rejects.toThrow('no statement may follow finish()');
      await expect(tx.finish('SELECT 1')).rejects.toThrow('no statement may follow finish()');
      return last;
    });
    expect(rows).toEqual([{ id: 9 }]);
    expect(await count()).toBe(3);
    await db.query('DELETE FROM db_contract WHERE id IN (8, 9)');
  });

  it("answers a failing finish with its statement's own error, and writes nothing", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO db_contract (id) VALUES ($1)', [10]);
        await tx.finish('INSERT INTO db_contract (id) VALUES ($1)', [1]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(1);
  });

  it('answers a COMMIT that fails (a deferred constraint) with its error, with or without finish, and writes nothing', async () => {
    await db.exec('CREATE TABLE db_contract_child (id int PRIMARY KEY, parent int REFERENCES db_contract (id) DEFERRABLE INITIALLY DEFERRED)');
    const orphan = 'INSERT INTO db_contract_child VALUES ($1, $2)';
    await expect(db.transaction((tx) => tx.finish(orphan, [1, 999]))).rejects.toMatchObject({ code: '23503' });
    await expect(db.transaction((tx) => tx.query(orphan, [2, 999]))).rejects.toMatchObject({ code: '23503' });
    expect(await db.query('SELECT id FROM db_contract_child')).toEqual([]);
    await db.exec('DROP TABLE db_contract_child');
  });

  it('never runs, after the rollback, a statement the failing callback left unsent', async () => {
    let left: Promise<unknown> | undefined;
    await expect(
      // Thrown before the callback returns a promise: its statement is still waiting to be sent.
      db.transaction((tx) => {
        left = tx.query('INSERT INTO db_contract (id) VALUES ($1)', [11]);
        left.catch(() => undefined);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await left?.catch(() => undefined);
    await db.query('SELECT 1');
    expect(await count()).toBe(1);
  });

  // On the embedded database SQL runs in a thread of its own: a slow statement must leave the
  // server's thread free to answer requests and send live frames meanwhile.
  it.runIf(!process.env.DATABASE_URL)('leaves the calling thread free while a statement runs', async () => {
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 10);
    const started = performance.now();
    await db.query('SELECT pg_sleep(0.4)');
    const took = performance.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThanOrEqual(390);
    // Blocked, the interval would not fire at all until the statement ended.
    expect(ticks.filter((t) => t < started + took - 100).length).toBeGreaterThanOrEqual(5);
  });

  describe('a block of sequence numbers', () => {
    const reserve = `SELECT ${sequenceBlockColumn(`'db_contract_block'`, '$1', 'last')}`;
    const take = async (count: number) => {
      const [row] = await db.transaction((tx) => tx.query<{ last: unknown }>(reserve, [count]));
      return blockNumbers(row!.last, count);
    };
    beforeAll(() => db.exec('CREATE SEQUENCE db_contract_block'));

    it('is consecutive and the next block starts after it', async () => {
      expect(await take(1)).toEqual([1]);
      expect(await take(5)).toEqual([2, 3, 4, 5, 6]);
      expect(await take(200)).toHaveLength(200);
      expect(await take(1)).toEqual([207]);
      const [next] = await db.query<{ n: unknown }>(`SELECT nextval('db_contract_block') AS n`);
      expect(Number(next!.n)).toBe(208);
    });

    it.runIf(!process.env.DATABASE_URL)('is planned once, not again on every run, whatever the count', async () => {
      for (let i = 0; i < 20; i++) await take(1 + (i % 3));
      const [plans] = await db.query<{ custom_plans: unknown; generic_plans: unknown }>(
        'SELECT custom_plans, generic_plans FROM pg_prepared_statements WHERE statement = $1',
        [reserve],
      );
      expect(Number(plans!.custom_plans)).toBeLessThanOrEqual(5);
      expect(Number(plans!.generic_plans)).toBeGreaterThanOrEqual(15);
    });
  });
});

describe("the embedded database's thread", () => {
  // A stand-in thread that opens, then dies on the first request: what a crash of PGlite looks like.
  const dyingThread = () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ id: 0 });
       parentPort.on('message', () => { throw new Error('the thread crashed'); });`,
      { eval: true },
    );

  it('reports its death once, and every call after it fails at once instead of waiting', async () => {
    const failures: Error[] = [];
    const dead = await databaseOverThread(dyingThread(), { onFailure: (error) => failures.push(error) });
    await expect(dead.query('SELECT 1')).rejects.toThrow('the thread crashed');
    await expect(dead.transaction((tx) => tx.query('SELECT 1'))).rejects.toThrow('the thread crashed');
    // 'error' and then 'exit': still one report.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failures.map((e) => e.message)).toEqual(['the thread crashed']);
    await dead.close();
  });

  it('gets the statements sent together in one request, BEGIN with them, and COMMIT with the last', async () => {
    // A stand-in that answers each statement with the request it came in.
    const echo = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ id: 0 });
       parentPort.on('message', (m) => {
         const seen = { request: m.id, statements: (m.statements ?? []).length, begin: !!m.begin, commit: !!m.commit };
         parentPort.postMessage({ id: m.id, outcomes: (m.statements ?? []).map(() => ({ rows: [seen] })), commandTag: m.commit ? 'COMMIT' : null });
         if (m.op === 'close') parentPort.close();
       });`,
      { eval: true },
    );
    type Seen = { request: number; statements: number; begin: boolean; commit: boolean };
    const db = await databaseOverThread(echo);
    const [together, last] = await db.transaction(async (tx) => {
      const sent = await Promise.all([tx.query<Seen>('SELECT 1'), tx.query<Seen>('SELECT 2'), tx.query<Seen>('SELECT 3')]);
      return [sent.map(([row]) => row), (await tx.finish<Seen>('SELECT 4'))[0]] as const;
    });
    expect(together).toEqual(Array(3).fill({ request: together[0]!.request, statements: 3, begin: true, commit: false }));
    expect(last).toEqual({ request: together[0]!.request + 1, statements: 1, begin: false, commit: true });
    await db.close();
  });

  it('is no failure when closed', async () => {
    const failures: Error[] = [];
    const quiet = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ id: 0 });
       parentPort.on('message', (m) => { parentPort.postMessage({ id: m.id }); if (m.op === 'close') parentPort.close(); });`,
      { eval: true },
    );
    const db = await databaseOverThread(quiet, { onFailure: (error) => failures.push(error) });
    await db.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failures).toEqual([]);
  });
});

describe.runIf(!process.env.DATABASE_URL)('the embedded database checkpoints by itself', () => {
  // PGlite has no checkpointer process: without these, it keeps (and replays after a crash) every byte of WAL since it opened.
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const replayBytes = async (edb: Database) =>
    (await edb.query<{ bytes: number }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 AS bytes FROM pg_control_checkpoint()'))[0]!.bytes;

  async function withCheckpoints(policy: Omit<CheckpointPolicy, 'checkEveryMs'>, use: (edb: Database, events: CheckpointEvent[]) => Promise<void>) {
    const own = await createTestStore();
    const events: CheckpointEvent[] = [];
    const edb = await own.open({ checkpoints: { checkEveryMs: 20, ...policy }, onCheckpoint: (event) => events.push(event) });
    try {
      await use(edb, events);
    } finally {
      await edb.close();
      await own.destroy();
    }
    await sleep(60);
    expect(events.filter((event) => 'error' in event)).toEqual([]);
  }

  it('once a crash would replay more WAL than the budget, and not again while idle', async () => {
    const budget = 2 ** 20;
    await withCheckpoints({ maxWalBytes: budget, maxAgeMs: 3_600_000 }, async (edb, events) => {
      await edb.exec('CREATE TABLE wal_filler (note text); ALTER TABLE wal_filler ALTER note SET STORAGE EXTERNAL');
      // ~2 KB a row, stored as is: about 2 MB of WAL in one statement.
      await edb.query('INSERT INTO wal_filler SELECT repeat(md5(i::text), 64) FROM generate_series(1, 1000) i');
      await expect.poll(() => events.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(events[0]).toMatchObject({ replayBytes: expect.any(Number) });
      expect((events[0] as { replayBytes: number }).replayBytes).toBeGreaterThanOrEqual(budget);
      expect(await replayBytes(edb)).toBeLessThan(budget);
      const taken = events.length;
      await sleep(300);
      expect(events).toHaveLength(taken);
    });
  });

  it('once the last checkpoint is old and anything was written since', async () => {
    await withCheckpoints({ maxWalBytes: 2 ** 30, maxAgeMs: 1 }, async (edb, events) => {
      await edb.exec('CREATE TABLE aged (n int)');
      await expect.poll(() => events.length, { timeout: 5_000 }).toBeGreaterThan(0);
      const taken = events.length;
      await sleep(300);
      expect(events).toHaveLength(taken);
      await edb.query('INSERT INTO aged VALUES (1)');
      await expect.poll(() => events.length, { timeout: 5_000 }).toBeGreaterThan(taken);
    });
  });
});
