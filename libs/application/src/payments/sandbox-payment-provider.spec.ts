import { ChargeRequest } from './payment-provider';
import { SandboxPaymentProvider } from './sandbox-payment-provider';

const request = (over: Partial<ChargeRequest> = {}, method: Partial<ChargeRequest['paymentMethod']> = {}): ChargeRequest => ({
  idempotencyKey: 'key-1',
  amount: '960.00',
  currency: 'USD',
  paymentMethod: { id: 'pm-1', kind: 'card', label: 'Visa •••• 4242', ...method },
  payer: { kind: 'reseller', id: 'acme' },
  description: 'Renewal',
  ...over,
});

describe('the sandbox payment provider', () => {
  it('approves by default, with a charge id derived from the idempotency key', async () => {
    const one = new SandboxPaymentProvider();
    const other = new SandboxPaymentProvider();
    const result = await one.charge(request());
    expect(result).toEqual({ status: 'approved', chargeId: expect.stringMatching(/^ch_sandbox_[0-9a-f]{32}$/) });
    // A second instance asked with the same key names the same charge.
    expect(await other.charge(request())).toEqual(result);
    expect((await one.charge(request({ idempotencyKey: 'key-2' }))).status).toBe('approved');
    expect(await one.charge(request({ idempotencyKey: 'key-2' }))).not.toEqual(result);
  });

  it('declines a method labelled "decline", one configured by id, or one told at run time', async () => {
    const sandbox = SandboxPaymentProvider.fromEnvironment({ CHANNEL_LEDGER_SANDBOX_DECLINING_PAYMENT_METHODS: ' pm-bad , pm-worse' });
    expect(await sandbox.charge(request({ idempotencyKey: 'a' }, { label: 'Visa 0002 (Decline)' }))).toEqual({
      status: 'declined',
      code: 'card-declined',
      reason: 'The card Visa 0002 (Decline) was declined (sandbox).',
    });
    expect((await sandbox.charge(request({ idempotencyKey: 'b' }, { id: 'pm-worse', label: null }))).status).toBe('declined');
    sandbox.decline('pm-1');
    expect((await sandbox.charge(request({ idempotencyKey: 'c' }))).status).toBe('declined');
    sandbox.accept('pm-1');
    expect((await sandbox.charge(request({ idempotencyKey: 'd' }))).status).toBe('approved');
  });

  it('answers a key again with its first answer, whatever changed since (idempotent like a real provider)', async () => {
    const sandbox = new SandboxPaymentProvider();
    const first = await sandbox.charge(request());
    sandbox.decline('pm-1');
    expect(await sandbox.charge(request())).toEqual(first);
    expect(sandbox.charges).toHaveLength(1);
  });
});

describe('the payment provider a profile gets', () => {
  it('is the sandbox in development and none (charging fails loudly) in production', async () => {
    const { paymentProviderFor } = await import('./payment-provider-for');
    expect(paymentProviderFor({ profile: 'development' })).toBeInstanceOf(SandboxPaymentProvider);
    await expect(paymentProviderFor({ profile: 'production' }).charge(request())).rejects.toThrow(
      /No payment provider is configured, so 960.00 USD cannot be charged/,
    );
  });
});
