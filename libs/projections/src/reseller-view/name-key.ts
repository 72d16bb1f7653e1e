/**
 * A customer's name folded for searching: compatibility-normalized and lower-cased, so "globex",
 * "GLOBEX" and "Ｇlobex" find "Globex". Written by the projection and applied to the searched
 * prefix alike; the displayed name keeps its spelling.
 */
export function customerNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim();
}
