/** "2026-03": the UTC month of an instant. Months as text sort in time order. */
export function monthOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return new Date(ms).toISOString().slice(0, 7);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function assertMonth(month: string, field: string): string {
  if (!MONTH.test(month)) throw new RangeError(`${field} must be a month like "2026-03", got "${month}"`);
  return month;
}
