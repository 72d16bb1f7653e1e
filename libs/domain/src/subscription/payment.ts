import { PlanTier } from '../catalog/plan';
import { RuleViolation, violation } from '../shared/decider';
import { InvoicePayment, PaymentMethodFacts } from './terms';

const PAYMENT_KINDS = ['card', 'paypal', 'ach', 'invoice'] as const;

/** Rule 6: card, PayPal or ACH; paying on invoice (net terms) is for the Enterprise tier only. */
export function requireAcceptedPayment(method: PaymentMethodFacts | null | undefined, tier: PlanTier): RuleViolation | null {
  if (!method || !PAYMENT_KINDS.includes(method.kind)) {
    return violation('payment-method-not-accepted', 'Pay by card, PayPal or ACH bank transfer.');
  }
  if (method.kind === 'invoice' && tier !== 'enterprise') {
    return violation(
      'invoicing-enterprise-only',
      `Paying on invoice is only available for the Enterprise tier; pay for ${tier} by card, PayPal or ACH.`,
      { tier },
    );
  }
  return null;
}

export function invoicePaymentFor(method: PaymentMethodFacts): InvoicePayment {
  return {
    methodId: method.id,
    kind: method.kind,
    terms: method.kind === 'invoice' ? 'net-terms' : 'charged-immediately',
  };
}
