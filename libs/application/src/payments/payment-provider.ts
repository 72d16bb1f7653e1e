import { PaymentMethodKind } from '@channel-ledger/domain';

/** One charge the ledger asks for: always with an idempotency key, so asking twice charges once. */
export interface ChargeRequest {
  /**
   * The command id of the step that charges (derived from the process, the triggering event and
   * the due time): a crashed or duplicated step asks again with the same key and gets the first
   * answer back instead of a second charge.
   */
  idempotencyKey: string;
  amount: string;
  currency: string;
  paymentMethod: {
    id: string;
    kind: Exclude<PaymentMethodKind, 'invoice'>;
    /** What the payer recognises it by (e.g. "Visa •••• 4242"); null when the ledger has none. */
    label: string | null;
  };
  /** Who pays: the invoice owner. */
  payer: { kind: 'reseller' | 'organization'; id: string };
  /** Shown on the payer's statement. */
  description: string;
}

export type ChargeResult =
  | { status: 'approved'; chargeId: string }
  | {
      status: 'declined';
      /** Stable, kebab-case (`card-declined`, `insufficient-funds`, …). */
      code: string;
      /** A sentence the payer understands. */
      reason: string;
    };

/**
 * The payment port. An adapter must be idempotent by `idempotencyKey` (as Stripe's
 * Idempotency-Key is): the same key always answers the first result and never charges again.
 */
export interface PaymentProvider {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}
