import { RuleViolation, violation } from '../shared/decider';

/** ISO 4217 alphabetic code, e.g. "USD". */
export type CurrencyCode = string;

/**
 * Digits after the decimal point for each currency we accept (ISO 4217 "minor unit").
 * Amounts are rounded to exactly this many places; a currency missing here is refused
 * rather than guessed, because guessing 2 places for JPY or KWD bills the wrong amount.
 */
export const MINOR_UNITS: Readonly<Record<CurrencyCode, number>> = Object.freeze({
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  SGD: 2,
  HKD: 2,
  CNY: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  ILS: 2,
  AED: 2,
  SAR: 2,
  TRY: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  VND: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  LYD: 3,
  IQD: 3,
});

export class UnknownCurrencyError extends Error {
  constructor(readonly currency: string) {
    super(`Unknown currency "${currency}": no ISO 4217 minor unit is configured for it.`);
    this.name = 'UnknownCurrencyError';
  }
}

export function isKnownCurrency(currency: string): currency is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(MINOR_UNITS, currency);
}

/** Throws for an unknown currency: callers validate input with `requireKnownCurrency` first. */
export function minorUnitsOf(currency: CurrencyCode): number {
  if (!isKnownCurrency(currency)) throw new UnknownCurrencyError(currency);
  return MINOR_UNITS[currency];
}

/** The decider-friendly check: a violation value instead of an exception. */
export function requireKnownCurrency(currency: string): RuleViolation | null {
  return isKnownCurrency(currency)
    ? null
    : violation('unknown-currency', `"${currency}" is not a currency we can bill in (ISO 4217 code with a known minor unit expected).`, {
        currency,
      });
}
