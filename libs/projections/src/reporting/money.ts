import { isKnownCurrency, MoneyDecimal, toCurrencyAmount } from '@channel-ledger/domain';

/**
 * Sums of decimal strings with decimal.js (the domain's MoneyDecimal), never floats. Invoice
 * totals are already rounded to the currency's minor unit, so a sum is exact; it is rendered
 * with the currency's digits ("960.00", "14400" for JPY). An unknown currency keeps the exact sum.
 */
export function addAmounts(currency: string, ...amounts: string[]): string {
  const sum = amounts.reduce((total, amount) => total.plus(amount), new MoneyDecimal(0));
  return isKnownCurrency(currency) ? toCurrencyAmount(sum, currency) : sum.toFixed();
}

export function zeroAmount(currency: string): string {
  return addAmounts(currency);
}
