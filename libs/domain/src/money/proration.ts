import { Instant } from '../shared/types';
import { MoneyDecimal, toCurrencyAmount } from './amount';
import { CurrencyCode } from './currency';
import { canonicalInstant, isBefore, wholeUtcDaysBetween } from './billing-period';

/** Everything a prorated charge depends on. Stored in the event, so the charge can be re-derived. */
export interface ProrationInputs {
  readonly currency: CurrencyCode;
  /** Price of one seat for one whole billing period; negative for a credit line. */
  readonly unitPrice: string;
  readonly seats: number;
  readonly periodStart: Instant;
  readonly periodEnd: Instant;
  /** When the change takes effect; the whole UTC day it falls on is charged. */
  readonly effectiveDate: Instant;
}

export interface ProratedLine extends ProrationInputs {
  readonly remainingDays: number;
  readonly daysInPeriod: number;
  /** unitPrice × seats × remainingDays / daysInPeriod, rounded half-even once. */
  readonly amount: string;
}

/**
 * DESIGN §4: whole UTC days, one rounding per line. Rounding the product once (not per seat or
 * per day) is what keeps the auditor's recomputation identical to ours.
 */
export function prorate(inputs: ProrationInputs): ProratedLine {
  if (isBefore(inputs.effectiveDate, inputs.periodStart) || isBefore(inputs.periodEnd, inputs.effectiveDate)) {
    throw new RangeError(
      `effective date ${inputs.effectiveDate} is outside the billing period ${inputs.periodStart} – ${inputs.periodEnd}`,
    );
  }
  if (!Number.isInteger(inputs.seats) || inputs.seats < 0) {
    throw new RangeError(`seats must be a whole number, got ${inputs.seats}`);
  }
  const daysInPeriod = wholeUtcDaysBetween(inputs.periodStart, inputs.periodEnd);
  const remainingDays = wholeUtcDaysBetween(inputs.effectiveDate, inputs.periodEnd);
  const line = {
    currency: inputs.currency,
    unitPrice: inputs.unitPrice,
    seats: inputs.seats,
    periodStart: canonicalInstant(inputs.periodStart),
    periodEnd: canonicalInstant(inputs.periodEnd),
    effectiveDate: canonicalInstant(inputs.effectiveDate),
    remainingDays,
    daysInPeriod,
  };
  return { ...line, amount: recomputeLine(line) };
}

/** A whole period: the effective date is the period's start, so every day is charged. */
export function fullPeriodLine(inputs: Omit<ProrationInputs, 'effectiveDate'>): ProratedLine {
  return prorate({ ...inputs, effectiveDate: inputs.periodStart });
}

/** The auditor's formula: the amount from the stored numbers alone. */
export function recomputeLine(line: Pick<ProratedLine, 'currency' | 'unitPrice' | 'seats' | 'remainingDays' | 'daysInPeriod'>): string {
  if (line.daysInPeriod <= 0) throw new RangeError('a billing period has at least one day');
  const exact = new MoneyDecimal(line.unitPrice).times(line.seats).times(line.remainingDays).dividedBy(line.daysInPeriod);
  return toCurrencyAmount(exact, line.currency);
}

/**
 * Full audit of a stored line: the day counts agree with its dates and the amount agrees with
 * the formula. Returns what is wrong, empty when the line checks out.
 */
export function auditLine(line: ProratedLine): string[] {
  const problems: string[] = [];
  const days = wholeUtcDaysBetween(line.periodStart, line.periodEnd);
  const remaining = wholeUtcDaysBetween(line.effectiveDate, line.periodEnd);
  if (days !== line.daysInPeriod) problems.push(`daysInPeriod is ${line.daysInPeriod}, the dates give ${days}`);
  if (remaining !== line.remainingDays) problems.push(`remainingDays is ${line.remainingDays}, the dates give ${remaining}`);
  const amount = recomputeLine(line);
  if (amount !== line.amount) problems.push(`amount is ${line.amount}, the formula gives ${amount}`);
  return problems;
}
