import Decimal from 'decimal.js';
import { RuleViolation, violation } from '../shared/decider';
import { CurrencyCode, minorUnitsOf, requireKnownCurrency } from './currency';

/**
 * A private Decimal constructor: enough precision that intermediate products never round,
 * and half-even as the only rounding mode money uses. Cloned so nobody's global config leaks in.
 */
export const MoneyDecimal = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });

/** What events store: a decimal string with exactly the currency's minor digits. */
export interface MoneyAmount {
  readonly amount: string;
  readonly currency: CurrencyCode;
}

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** Rounds half-even to the currency's minor unit and renders it ("1234.50", "1234", "1.250"). */
export function toCurrencyAmount(value: Decimal.Value, currency: CurrencyCode): string {
  const digits = minorUnitsOf(currency);
  const rounded = new MoneyDecimal(value).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN);
  // "-0.00" would be a confusing thing for an auditor to read.
  return (rounded.isZero() ? new MoneyDecimal(0) : rounded).toFixed(digits);
}

export function sumAmounts(amounts: readonly string[], currency: CurrencyCode): string {
  return toCurrencyAmount(
    amounts.reduce((total, amount) => total.plus(amount), new MoneyDecimal(0)),
    currency,
  );
}

export function multiplyAmount(amount: string, factor: Decimal.Value, currency: CurrencyCode): string {
  return toCurrencyAmount(new MoneyDecimal(amount).times(factor), currency);
}

export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  return new MoneyDecimal(a).comparedTo(b) as -1 | 0 | 1;
}

export function isNegativeAmount(amount: string): boolean {
  return new MoneyDecimal(amount).isNegative() && !new MoneyDecimal(amount).isZero();
}

/**
 * Validates a price typed by a person: a plain decimal string, strictly positive, with no more
 * digits than the currency has (19.999 USD is a typo, not a price).
 */
export function validatePrice(amount: unknown, currency: string, field = 'price'): RuleViolation | null {
  const unknownCurrency = requireKnownCurrency(currency);
  if (unknownCurrency) return unknownCurrency;
  if (typeof amount !== 'string' || !DECIMAL_STRING.test(amount)) {
    return violation('invalid-amount', `The ${field} must be a decimal string such as "12.50".`, { field, amount });
  }
  const value = new MoneyDecimal(amount);
  if (value.lte(0)) {
    return violation('invalid-amount', `The ${field} must be greater than zero.`, { field, amount });
  }
  if (value.decimalPlaces() > minorUnitsOf(currency)) {
    return violation('invalid-amount', `The ${field} ${amount} has more decimals than ${currency} allows (${minorUnitsOf(currency)}).`, {
      field,
      amount,
      currency,
    });
  }
  return null;
}
