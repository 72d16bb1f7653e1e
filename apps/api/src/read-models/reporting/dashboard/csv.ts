import { DashboardColumn } from './dashboard-tables';

/** Cells a spreadsheet would run as a formula (CSV injection); text cells starting so get a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: a header of column keys, one line per row, CRLF line ends; a cell with a comma,
 * quote or line break is quoted (quotes doubled). null is an empty cell. Numbers and amounts are
 * written as the JSON has them (amounts are decimal strings: exact, no thousands separators);
 * only free-text cells (names, ids) that start like a formula are prefixed with an apostrophe.
 */
export function toCsv(columns: readonly DashboardColumn[], rows: readonly object[]): string {
  const lines = [columns.map((c) => quote(c.key))];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    lines.push(columns.map((column) => cell(column, values[column.key])));
  }
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

function cell(column: DashboardColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if ((column.type === 'text' || column.type === 'id') && FORMULA_START.test(text)) text = `'${text}`;
  return quote(text);
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
