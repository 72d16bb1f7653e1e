import type { CursorPosition } from '../shared/cursor';
import type { FilterPlan, QueryPlan } from '../shared/query-plan';
import { keyColumn } from './schema';

export interface SqlFragment {
  sql: string;
  params: string[];
}

export function whereClause(filter: FilterPlan, after: CursorPosition | null = null, plan?: QueryPlan): SqlFragment {
  const terms: string[] = [];
  const params: string[] = [];
  for (const { field, key } of filter.equals) {
    terms.push(`${keyColumn(field)} = ?`);
    params.push(key);
  }
  if (filter.range) {
    const column = keyColumn(filter.range.field);
    terms.push(`${column} ${filter.range.lower.inclusive ? '>=' : '>'} ?`, `${column} ${filter.range.upper.inclusive ? '<=' : '<'} ?`);
    params.push(filter.range.lower.key, filter.range.upper.key);
  }
  if (after && plan) {
    // Row-value comparison: strictly after (fields..., id) in the query's direction; the index serves it.
    const columns = [...plan.orderFields.map(keyColumn), 'id'];
    terms.push(`(${columns.join(', ')}) ${plan.direction === 'asc' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`);
    params.push(...after.keys, after.id);
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

export function orderByClause(plan: QueryPlan): string {
  const direction = plan.direction === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${[...plan.orderFields.map(keyColumn), 'id'].map((c) => `${c} ${direction}`).join(', ')}`;
}
