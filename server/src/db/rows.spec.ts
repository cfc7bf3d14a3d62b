import { describe, expect, it } from 'vitest';
import { combinedWrites, valuesList } from './rows';

describe('combinedWrites', () => {
  const insert = (table: string, rows: unknown[][]) => (offset: number) => {
    const values = valuesList(rows, offset);
    return { sql: `INSERT INTO ${table} VALUES ${values.sql}`, params: values.params };
  };

  it('sends one statement as it is', () => {
    expect(combinedWrites([insert('a', [[1, 2]])])).toEqual({ sql: 'INSERT INTO a VALUES ($1, $2)', params: [1, 2] });
  });

  it('puts all but the last in WITH clauses and numbers the placeholders on', () => {
    const { sql, params } = combinedWrites([insert('a', [[1, 2], [3, 4]]), insert('b', [['x']]), insert('c', [[true, null]])]);
    expect(sql).toBe('WITH w0 AS (INSERT INTO a VALUES ($1, $2), ($3, $4)), w1 AS (INSERT INTO b VALUES ($5)) INSERT INTO c VALUES ($6, $7)');
    expect(params).toEqual([1, 2, 3, 4, 'x', true, null]);
  });
});
