/**
 * The `VALUES` list of a multi-row statement: `($1, $2), ($3, $4)` and its flat parameters, so a
 * batch is written in one round trip. `offset` numbers the placeholders after parameters already used.
 */
export function valuesList(rows: readonly (readonly unknown[])[], offset = 0): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const marks = row.map((value) => {
      params.push(value);
      return `$${offset + params.length}`;
    });
    return `(${marks.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}

/** One statement's text and parameters, numbered from `$1`. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A statement whose placeholders start after `offset` parameters already used. */
export type StatementAt = (offset: number) => Statement;

/**
 * Several INSERTs as one statement: all but the last as data-modifying WITH clauses. They run in
 * one round trip and commit or fail together; foreign keys are checked at the end of the whole
 * statement, so a row may reference one inserted by an earlier clause.
 */
export function combinedWrites(statements: readonly StatementAt[]): Statement {
  const params: unknown[] = [];
  const parts = statements.map((at) => {
    const s = at(params.length);
    params.push(...s.params);
    return s.sql;
  });
  const last = parts.pop();
  if (last === undefined) throw new Error('combinedWrites: no statement');
  const sql = parts.length === 0 ? last : `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(', ')} ${last}`;
  return { sql, params };
}

/**
 * A SELECT column: the last of `count` consecutive numbers taken from `sequence` in one step (the
 * caller holds the lock every user of the sequence takes, so nobody draws from it in between).
 * One nextval and one setval whatever the count: a `generate_series` of `count` nextvals cost a call
 * per number, and, since its row estimate depends on the parameter, PostgreSQL planned the statement
 * anew on every run (custom plans looked cheaper than the generic one).
 */
export const sequenceBlockColumn = (sequence: string, count: string, alias: string) =>
  `setval(${sequence}, nextval(${sequence}) + ${count}::int - 1) AS ${alias}`;

/** The numbers of a block whose last is `last` (int8, a string from node-postgres), ascending. */
export function blockNumbers(last: unknown, count: number): number[] {
  const end = Number(last);
  return Array.from({ length: count }, (_, i) => end - count + 1 + i);
}
