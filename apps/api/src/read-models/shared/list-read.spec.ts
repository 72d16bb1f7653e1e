import { InvalidCursorError, NotIndexedError } from '@channel-ledger/read-store';
import { CodedHttpException } from '../../access/access-errors';
import { InvalidInputException } from '../../http/invalid-input.exception';
import { instantWindow } from './date-window';
import { listRead } from './list-read';

describe('list reads', () => {
  it('answers a foreign or stale cursor as invalid input naming the cursor', async () => {
    const refused = await listRead(Promise.reject(new InvalidCursorError('Cursor belongs to a different query'))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidInputException);
    expect((refused as InvalidInputException).errors.map((e) => e.field)).toEqual(['cursor']);
  });

  it('answers a query the serving read-model version cannot serve yet as 503 read-model-rebuilding', async () => {
    const refused = await listRead(Promise.reject(new NotIndexedError('No declared index'))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CodedHttpException);
    expect(refused).toMatchObject({ code: 'read-model-rebuilding', headers: { 'Retry-After': '60' } });
    expect((refused as CodedHttpException).getStatus()).toBe(503);
  });

  it('passes anything else through', async () => {
    await expect(listRead(Promise.resolve(1))).resolves.toBe(1);
    await expect(listRead(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('date windows from inclusive from/to', () => {
  const names = { from: 'from', to: 'to' };

  it('includes the whole "to" day, or the "to" instant itself', () => {
    expect(instantWindow('2026-03-01', '2026-03-31', names)).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      before: '2026-04-01T00:00:00.000Z',
    });
    expect(instantWindow(undefined, '2026-03-31T12:00:00+02:00', names)).toEqual({ before: '2026-03-31T10:00:00.001Z' });
    expect(instantWindow('2026-03-01T10:00:00Z', undefined, names)).toEqual({ from: '2026-03-01T10:00:00.000Z' });
    expect(instantWindow('2026-03-31', '2026-03-31', names)).toEqual({
      from: '2026-03-31T00:00:00.000Z',
      before: '2026-04-01T00:00:00.000Z',
    });
  });

  it('refuses a window that ends before it starts, naming the end', () => {
    expect(() => instantWindow('2026-04-01', '2026-03-31', names)).toThrow(InvalidInputException);
    try {
      instantWindow('2026-04-01', '2026-03-31', { from: 'renewsFrom', to: 'renewsTo' });
    } catch (error) {
      expect((error as InvalidInputException).errors).toEqual([
        { field: 'renewsTo', messages: ['renewsTo must not be before renewsFrom'] },
      ]);
    }
  });
});
