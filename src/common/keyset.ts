/** One column of a keyset order. The column must be NOT NULL (a NULL never compares). */
export interface KeyColumn {
  /** SQL expression, e.g. `t.created_at`. */
  expr: string;
  dir: 'ASC' | 'DESC';
}

/**
 * The WHERE fragment that selects the rows after the row whose sort key is `values`, in
 * the order given by `columns` (the ORDER BY of the same query). When every column runs in
 * the same direction it is a row-value comparison, which both SQLite and PostgreSQL answer
 * with one index seek; mixed directions expand into the equivalent OR chain.
 * Parameters are named `<prefix>0`, `<prefix>1`, …
 */
export function keysetCondition(
  columns: KeyColumn[],
  values: unknown[],
  prefix = 'keyset',
): { sql: string; params: Record<string, unknown> } {
  if (columns.length !== values.length) throw new Error('keysetCondition: one value per column');
  const params: Record<string, unknown> = {};
  const names = values.map((v, i) => {
    params[`${prefix}${i}`] = v;
    return `:${prefix}${i}`;
  });
  const op = (dir: 'ASC' | 'DESC') => (dir === 'ASC' ? '>' : '<');
  if (columns.every((c) => c.dir === columns[0].dir)) {
    return {
      sql: `(${columns.map((c) => c.expr).join(', ')}) ${op(columns[0].dir)} (${names.join(', ')})`,
      params,
    };
  }
  let sql = '';
  for (let i = columns.length - 1; i >= 0; i--) {
    const after = `${columns[i].expr} ${op(columns[i].dir)} ${names[i]}`;
    sql = sql ? `(${after} OR (${columns[i].expr} = ${names[i]} AND ${sql}))` : after;
  }
  return { sql, params };
}

/** `ORDER BY` pairs for TypeORM's `orderBy`/`addOrderBy` from the same columns. */
export function keysetOrder(columns: KeyColumn[]): Record<string, 'ASC' | 'DESC'> {
  return Object.fromEntries(columns.map((c) => [c.expr, c.dir]));
}
