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
