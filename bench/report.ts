/**
 * The bench's figures: every row is printed as it is measured, beside its baseline (measured in
 * the same run) and the ratio, and says whether the issue-11 bar it covers is met.
 */
export interface Row {
  section: string;
  label: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  bar?: { text: string; met: boolean };
}
export const rows: Row[] = [];
export const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
export function report(row: Row): void {
  rows.push(row);
  const ratio = row.baseline
    ? `  ×${(row.value / row.baseline.value).toFixed(2)} of ${row.baseline.label} (${fmt(row.baseline.value)})`
    : '';
  const bar = row.bar ? `  [${row.bar.met ? 'MET' : 'NOT MET'}: ${row.bar.text}]` : '';
  console.log(`  ${row.label.padEnd(46)} ${fmt(row.value).padStart(10)} ${row.unit}${ratio}${bar}`);
}
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
