import { derivedId } from '../pipeline/derived-id';
import { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider';

/** A payment method whose label contains this word (any case) is declined by the sandbox. */
export const SANDBOX_DECLINE_WORD = 'decline';

/** Comma-separated payment method ids the sandbox declines, besides those labelled with "decline". */
export const SANDBOX_DECLINING_METHODS_SETTING = 'CHANNEL_LEDGER_SANDBOX_DECLINING_PAYMENT_METHODS';

export interface SandboxPaymentOptions {
  /** Payment method ids that are declined from the start. */
  decliningPaymentMethodIds?: Iterable<string>;
}

export interface SandboxCharge {
  request: ChargeRequest;
  result: ChargeResult;
}

/**
 * A payment provider that moves no money, for development, tests and demos (there is no real
 * one yet; it plugs into PaymentProvider). It approves every charge except to a payment method
 * that is told to decline:
 *
 * - its label contains "decline" (a reseller adds a card labelled "Visa 0002 (decline)"), or
 * - its id is in CHANNEL_LEDGER_SANDBOX_DECLINING_PAYMENT_METHODS (comma-separated), or was
 *   passed to `decline(id)` at run time (and not to `accept(id)` since).
 *
 * It is idempotent by key like a real provider: a key it has answered gets the same answer again,
 * whatever changed since; the charge id is derived from the key, so two processes asking with the
 * same key (a duplicate instance) get the same id.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  private readonly declining: Set<string>;
  private readonly answered = new Map<string, SandboxCharge>();

  constructor(options: SandboxPaymentOptions = {}) {
    this.declining = new Set(options.decliningPaymentMethodIds ?? []);
  }

  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): SandboxPaymentProvider {
    const ids = (env[SANDBOX_DECLINING_METHODS_SETTING] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    return new SandboxPaymentProvider({ decliningPaymentMethodIds: ids });
  }

  /** From now on, charges to this method are declined. */
  decline(paymentMethodId: string): void {
    this.declining.add(paymentMethodId);
  }

  /** From now on, charges to this method go through again. */
  accept(paymentMethodId: string): void {
    this.declining.delete(paymentMethodId);
  }

  /** Every charge answered, oldest first (one per idempotency key). */
  get charges(): SandboxCharge[] {
    return [...this.answered.values()];
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const earlier = this.answered.get(request.idempotencyKey);
    if (earlier) return earlier.result;
    const result = this.decide(request);
    this.answered.set(request.idempotencyKey, { request, result });
    return result;
  }

  private decide(request: ChargeRequest): ChargeResult {
    const { paymentMethod } = request;
    const labelled = (paymentMethod.label ?? '').toLowerCase().includes(SANDBOX_DECLINE_WORD);
    if (labelled || this.declining.has(paymentMethod.id)) {
      return {
        status: 'declined',
        code: 'card-declined',
        reason: `The ${kindName(paymentMethod.kind)}${paymentMethod.label ? ` ${paymentMethod.label}` : ''} was declined (sandbox).`,
      };
    }
    return { status: 'approved', chargeId: `ch_sandbox_${derivedId(`charge|${request.idempotencyKey}`).replace(/-/g, '')}` };
  }
}

function kindName(kind: ChargeRequest['paymentMethod']['kind']): string {
  return kind === 'ach' ? 'ACH account' : kind === 'paypal' ? 'PayPal account' : 'card';
}
