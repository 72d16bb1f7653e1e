import fc from 'fast-check';
import Decimal from 'decimal.js';
import {
  addCalendarMonths,
  auditLine,
  billingPeriodAt,
  fullPeriodLine,
  invoiceTotal,
  InvoiceLine,
  minorUnitsOf,
  prorate,
  recomputeLine,
  requireKnownCurrency,
  sumAmounts,
  toCurrencyAmount,
  UnknownCurrencyError,
  validatePrice,
  wholeUtcDaysBetween,
} from './index';

const utc = (date: string) => `${date}T00:00:00.000Z`;

describe('currencies', () => {
  it('knows the ISO 4217 minor units', () => {
    expect(['USD', 'EUR', 'GBP', 'CAD', 'AUD'].map(minorUnitsOf)).toEqual([2, 2, 2, 2, 2]);
    expect(['JPY', 'KRW'].map(minorUnitsOf)).toEqual([0, 0]);
    expect(['KWD', 'BHD', 'OMR'].map(minorUnitsOf)).toEqual([3, 3, 3]);
  });

  it('refuses an unknown currency instead of guessing its decimals', () => {
    expect(() => minorUnitsOf('XYZ')).toThrow(UnknownCurrencyError);
    expect(() => toCurrencyAmount('1', 'usd')).toThrow(/Unknown currency "usd"/);
    expect(requireKnownCurrency('XYZ')).toMatchObject({ code: 'unknown-currency' });
    expect(requireKnownCurrency('KWD')).toBeNull();
  });

  it('renders amounts with exactly the minor digits, rounding half-even', () => {
    expect(toCurrencyAmount('1234.5', 'USD')).toBe('1234.50');
    expect(toCurrencyAmount('0.125', 'USD')).toBe('0.12');
    expect(toCurrencyAmount('0.135', 'USD')).toBe('0.14');
    expect(toCurrencyAmount('500.5', 'JPY')).toBe('500');
    expect(toCurrencyAmount('501.5', 'JPY')).toBe('502');
    expect(toCurrencyAmount('1.2345', 'KWD')).toBe('1.234');
    expect(toCurrencyAmount('-0.001', 'USD')).toBe('0.00');
  });

  it('validates typed prices', () => {
    expect(validatePrice('19.99', 'USD')).toBeNull();
    expect(validatePrice('19.999', 'USD')).toMatchObject({ code: 'invalid-amount' });
    expect(validatePrice('1999.5', 'JPY')).toMatchObject({ code: 'invalid-amount' });
    expect(validatePrice('3.125', 'KWD')).toBeNull();
    expect(validatePrice('0', 'USD')).toMatchObject({ code: 'invalid-amount' });
    expect(validatePrice('1e3', 'USD')).toMatchObject({ code: 'invalid-amount' });
    expect(validatePrice(12, 'USD')).toMatchObject({ code: 'invalid-amount' });
    expect(validatePrice('12', 'XXX')).toMatchObject({ code: 'unknown-currency' });
  });
});

describe('billing periods (UTC calendar, anchored on the purchase)', () => {
  it('clamps a Jan 31 monthly anchor to the month end and comes back to the 31st', () => {
    const anchor = utc('2026-01-31');
    expect([0, 1, 2, 3].map((i) => billingPeriodAt(anchor, 'monthly', i))).toEqual([
      { periodStart: utc('2026-01-31'), periodEnd: utc('2026-02-28') },
      { periodStart: utc('2026-02-28'), periodEnd: utc('2026-03-31') },
      { periodStart: utc('2026-03-31'), periodEnd: utc('2026-04-30') },
      { periodStart: utc('2026-04-30'), periodEnd: utc('2026-05-31') },
    ]);
  });

  it('uses Feb 29 in a leap year', () => {
    expect(billingPeriodAt(utc('2024-01-31'), 'monthly', 0).periodEnd).toBe(utc('2024-02-29'));
    expect(billingPeriodAt(utc('2024-01-30'), 'monthly', 0).periodEnd).toBe(utc('2024-02-29'));
  });

  it('renews a Feb 29 annual purchase on Feb 28, and on Feb 29 again in the next leap year', () => {
    const anchor = utc('2024-02-29');
    expect(billingPeriodAt(anchor, 'annual', 0)).toEqual({ periodStart: anchor, periodEnd: utc('2025-02-28') });
    expect(billingPeriodAt(anchor, 'annual', 3)).toEqual({ periodStart: utc('2027-02-28'), periodEnd: utc('2028-02-29') });
  });

  it('keeps the time of day of the anchor and rolls over the year for monthly periods', () => {
    expect(addCalendarMonths('2026-12-15T13:45:00Z', 1)).toBe('2027-01-15T13:45:00.000Z');
    expect(addCalendarMonths('2026-01-31T23:59:59.999Z', 13)).toBe('2027-02-28T23:59:59.999Z');
  });

  it('counts whole UTC days regardless of the time of day', () => {
    expect(wholeUtcDaysBetween('2026-02-01T23:59:00Z', '2026-02-02T00:01:00Z')).toBe(1);
    expect(wholeUtcDaysBetween(utc('2024-03-01'), utc('2025-03-01'))).toBe(365);
    expect(wholeUtcDaysBetween(utc('2023-03-01'), utc('2024-03-01'))).toBe(366);
  });

  it('chains periods without gaps and never drifts from the anchor day (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.constantFrom('monthly' as const, 'annual' as const),
        fc.integer({ min: 0, max: 40 }),
        (date, period, index) => {
          const anchor = date.toISOString();
          const current = billingPeriodAt(anchor, period, index);
          const next = billingPeriodAt(anchor, period, index + 1);
          expect(next.periodStart).toBe(current.periodEnd);
          const end = new Date(current.periodEnd);
          const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
          expect(end.getUTCDate()).toBe(Math.min(date.getUTCDate(), lastDay));
          expect(end.getUTCHours()).toBe(date.getUTCHours());
        },
      ),
    );
  });
});

describe('proration by whole UTC days (hand-computed)', () => {
  it('USD, monthly across the end of February: half of a 28-day period', () => {
    const line = prorate({
      currency: 'USD',
      unitPrice: '10.00',
      seats: 3,
      periodStart: utc('2026-01-31'),
      periodEnd: utc('2026-02-28'),
      effectiveDate: '2026-02-14T16:30:00Z',
    });
    // 10.00 × 3 × 14 / 28 = 15.00
    expect(line).toMatchObject({ remainingDays: 14, daysInPeriod: 28, amount: '15.00', effectiveDate: '2026-02-14T16:30:00.000Z' });
  });

  it('USD, monthly in a leap February: 19 of 29 days', () => {
    const line = prorate({
      currency: 'USD',
      unitPrice: '12.00',
      seats: 1,
      periodStart: utc('2024-01-31'),
      periodEnd: utc('2024-02-29'),
      effectiveDate: utc('2024-02-10'),
    });
    // 12 × 19 / 29 = 7.862068… → 7.86
    expect(line).toMatchObject({ remainingDays: 19, daysInPeriod: 29, amount: '7.86' });
  });

  it('USD, annual over a leap day: 366-day period', () => {
    const line = prorate({
      currency: 'USD',
      unitPrice: '480.00',
      seats: 5,
      periodStart: utc('2023-06-01'),
      periodEnd: utc('2024-06-01'),
      effectiveDate: utc('2024-03-01'),
    });
    // 480 × 5 × 92 / 366 = 603.278688… → 603.28
    expect(line).toMatchObject({ remainingDays: 92, daysInPeriod: 366, amount: '603.28' });
  });

  it('JPY has no minor unit and ties go to the even yen', () => {
    const base = {
      currency: 'JPY',
      seats: 1,
      periodStart: utc('2026-02-01'),
      periodEnd: utc('2026-03-01'),
      effectiveDate: utc('2026-02-15'),
    };
    // 1001 × 14 / 28 = 500.5 → 500 ; 1003 × 14 / 28 = 501.5 → 502
    expect(prorate({ ...base, unitPrice: '1001' }).amount).toBe('500');
    expect(prorate({ ...base, unitPrice: '1003' }).amount).toBe('502');
  });

  it('JPY annual: 12000 × 2 seats × 100 / 365', () => {
    const line = prorate({
      currency: 'JPY',
      unitPrice: '12000',
      seats: 2,
      periodStart: utc('2025-01-01'),
      periodEnd: utc('2026-01-01'),
      effectiveDate: utc('2025-09-23'),
    });
    // 24000 × 100 / 365 = 6575.34… → 6575
    expect(line).toMatchObject({ remainingDays: 100, daysInPeriod: 365, amount: '6575' });
  });

  it('KWD keeps three decimals', () => {
    const line = prorate({
      currency: 'KWD',
      unitPrice: '12.345',
      seats: 2,
      periodStart: utc('2025-01-01'),
      periodEnd: utc('2026-01-01'),
      effectiveDate: utc('2025-09-23'),
    });
    // 24.690 × 100 / 365 = 6.7643… → 6.764
    expect(line).toMatchObject({ amount: '6.764' });
  });

  it('KWD monthly from Jan 31 across Feb 28 to Mar 31', () => {
    const line = prorate({
      currency: 'KWD',
      unitPrice: '3.100',
      seats: 1,
      periodStart: utc('2026-02-28'),
      periodEnd: utc('2026-03-31'),
      effectiveDate: utc('2026-03-30'),
    });
    // 3.100 × 1 / 31 = 0.1
    expect(line).toMatchObject({ remainingDays: 1, daysInPeriod: 31, amount: '0.100' });
  });

  it('a credit line is the mirror image of the charge', () => {
    const bounds = {
      currency: 'USD',
      seats: 3,
      periodStart: utc('2026-01-31'),
      periodEnd: utc('2026-02-28'),
      effectiveDate: utc('2026-02-21'),
    };
    expect(prorate({ ...bounds, unitPrice: '-9.99' }).amount).toBe('-7.49');
    expect(prorate({ ...bounds, unitPrice: '9.99' }).amount).toBe('7.49');
  });

  it('a full-period line charges every day', () => {
    expect(
      fullPeriodLine({ currency: 'USD', unitPrice: '19.00', seats: 4, periodStart: utc('2026-01-31'), periodEnd: utc('2026-02-28') }),
    ).toMatchObject({ remainingDays: 28, daysInPeriod: 28, amount: '76.00' });
  });

  it('refuses an effective date outside the period', () => {
    expect(() =>
      prorate({
        currency: 'USD',
        unitPrice: '1.00',
        seats: 1,
        periodStart: utc('2026-01-01'),
        periodEnd: utc('2026-02-01'),
        effectiveDate: utc('2026-02-02'),
      }),
    ).toThrow(RangeError);
  });

  it('lets an auditor recompute and check a stored line', () => {
    const line = prorate({
      currency: 'KWD',
      unitPrice: '12.345',
      seats: 2,
      periodStart: utc('2025-01-01'),
      periodEnd: utc('2026-01-01'),
      effectiveDate: utc('2025-09-23'),
    });
    const stored = JSON.parse(JSON.stringify(line));
    expect(recomputeLine(stored)).toBe(line.amount);
    expect(auditLine(stored)).toEqual([]);
    expect(auditLine({ ...stored, amount: '6.765' })).toEqual(['amount is 6.765, the formula gives 6.764']);
    expect(auditLine({ ...stored, remainingDays: 101 })[0]).toMatch(/remainingDays is 101/);
  });
});

describe('proration properties', () => {
  interface PeriodCase {
    currency: string;
    unitPrice: string;
    seats: number;
    anchor: Date;
    period: 'monthly' | 'annual';
    index: number;
    fraction: number;
  }
  const priceIn = (currency: string) =>
    fc
      .integer({ min: 1, max: 10_000_000 })
      .map((minor) => new Decimal(minor).dividedBy(10 ** minorUnitsOf(currency)).toFixed(minorUnitsOf(currency)));
  const periodCaseIn = (currency: string): fc.Arbitrary<PeriodCase> =>
    fc.record({
      currency: fc.constant(currency),
      unitPrice: priceIn(currency),
      seats: fc.integer({ min: 0, max: 5000 }),
      anchor: fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
      period: fc.constantFrom('monthly' as const, 'annual' as const),
      index: fc.integer({ min: 0, max: 30 }),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    });
  const anyCurrency = fc.constantFrom('USD', 'JPY', 'KWD', 'EUR');
  const periodCase = anyCurrency.chain(periodCaseIn);

  const lineFor = (c: PeriodCase) => {
    const bounds = billingPeriodAt(c.anchor.toISOString(), c.period, c.index);
    const startMs = Date.parse(bounds.periodStart);
    const effectiveDate = new Date(startMs + Math.floor((Date.parse(bounds.periodEnd) - startMs) * c.fraction)).toISOString();
    return prorate({ currency: c.currency, unitPrice: c.unitPrice, seats: c.seats, ...bounds, effectiveDate });
  };

  it('never exceeds the full-period price', () => {
    fc.assert(
      fc.property(periodCase, (c) => {
        const line = lineFor(c);
        const full = toCurrencyAmount(new Decimal(c.unitPrice).times(c.seats), c.currency);
        expect(new Decimal(line.amount).lte(full)).toBe(true);
        expect(new Decimal(line.amount).gte(0)).toBe(true);
        expect(line.remainingDays).toBeLessThanOrEqual(line.daysInPeriod);
      }),
    );
  });

  it('is recomputable from the stored line alone', () => {
    fc.assert(fc.property(periodCase, (c) => expect(auditLine(JSON.parse(JSON.stringify(lineFor(c))))).toEqual([])));
  });

  it('sums its lines to the invoice total exactly', () => {
    const invoiceCase = anyCurrency.chain((currency) =>
      fc.record({ currency: fc.constant(currency), cases: fc.array(periodCaseIn(currency), { minLength: 1, maxLength: 8 }) }),
    );
    fc.assert(
      fc.property(invoiceCase, ({ currency, cases }) => {
        const lines: InvoiceLine[] = cases.map((c) => ({ ...lineFor(c), kind: 'added-seats', description: '' }));
        const exact = lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
        expect(invoiceTotal(lines, currency)).toBe(exact.toFixed(minorUnitsOf(currency)));
        expect(
          sumAmounts(
            lines.map((l) => l.amount),
            currency,
          ),
        ).toBe(invoiceTotal(lines, currency));
      }),
    );
  });
});
