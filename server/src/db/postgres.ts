import pg from 'pg';
import { afterFinish, assertCommitted, type Database, type Queryable, type Transaction } from './database';
import { asUnavailable } from './unavailable';

// int8 (seq) fits a double for any realistic lifetime of the system.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * A PostgreSQL server shared by any number of Rasd instances. It survives a PostgreSQL restart
 * without restarting Rasd: broken connections leave the pool and new ones are opened on demand;
 * meanwhile every call fails fast with AppError `unavailable` (503 + Retry-After).
 */
export async function openPostgres(url: string): Promise<Database> {
  // A connect that hangs (a partitioned network) must not hold a request or /readyz forever.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by a restart: the pool discards it; nothing to do but not crash.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await q.query(sql, params as unknown[]);
        return result.rows as T[];
      } catch (error) {
        throw asUnavailable(error);
      }
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asUnavailable(error);
      }
      // The pool stops listening for errors on a checked-out client; a connection dropped between
      // two statements of this transaction would otherwise be an unhandled 'error' and kill the process.
      let broken: unknown = null;
      const onError = (error: unknown) => {
        broken = error;
      };
      client.on('error', onError);
      let finished = false;
      const connection = wrap(client);
      // Only a COMMIT that returned means committed: any failure up to here answers non-2xx.
      const commit = async () => {
        finished = true;
        assertCommitted((await client.query('COMMIT')).command);
      };
      const tx: Transaction = {
        query: (sql, params) => (finished ? Promise.reject(afterFinish()) : connection.query(sql, params)),
        async finish<T>(sql: string, params?: readonly unknown[]) {
          const rows = await tx.query<T>(sql, params);
          await commit();
          return rows;
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        if (!finished) await commit();
        return result;
      } catch (error) {
        // On a dropped connection ROLLBACK fails at once, which marks the client broken.
        await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken ??= rollbackError));
        throw asUnavailable(error);
      } finally {
        client.off('error', onError);
        // A broken connection must not go back to the pool for the next request to trip on.
        client.release(broken ? (broken as Error) : undefined);
      }
    },
    exec: async (sql) => {
      try {
        await pool.query(sql);
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    close: () => pool.end(),
  };
}
