/**
 * A plain-text table: a header row, a rule, aligned columns. Cells longer than `maxWidth` are cut
 * with an ellipsis, except the last column, which is left whole (it is usually the sentence).
 */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[], maxWidth = 40): string {
  const text = rows.map((row) =>
    row.map((cell, i) => clip(cell == null ? '' : String(cell), i === headers.length - 1 ? Infinity : maxWidth)),
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** 1234567 → "1,234,567" */
export function count(n: number | bigint | string): string {
  return BigInt(n).toLocaleString('en-US');
}

export function party(actor: { kind: string; id: string } | null): string {
  return actor ? `${actor.kind}:${actor.id}` : '';
}
