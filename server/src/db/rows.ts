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
