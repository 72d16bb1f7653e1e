import { RuleViolation, violation } from '../shared/decider';
import { Actor, Instant } from '../shared/types';
import { existing, notFound } from './lifecycle';
import { ownershipAt } from './periods';
import { SubscriptionState } from './state';
import { InvoiceOwnership, InvoiceRecord } from './terms';

export interface InvoiceRequest {
  readonly actor: Actor;
  readonly now: Instant;
}

/** Rules 7 and 8 in the customer's words: the invoices come from the reseller, so it names the reseller. */
export function invoicesIssuedByReseller(ownership: InvoiceOwnership): RuleViolation {
  const { owner } = ownership;
  return violation(
    'invoices-issued-by-reseller',
    `This subscription was bought through ${owner.name}, who receives its invoices; the vendor does not invoice you for it. ` +
      `Ask ${owner.name} (${owner.email}) for an invoice.`,
    { resellerId: owner.id, resellerName: owner.name, resellerEmail: owner.email },
  );
}

/**
 * A customer asking for its invoices. Invoices go to the invoice owner (rule 7): while a reseller
 * owns them the customer is sent there; once the organization pays directly it gets the invoices
 * that were addressed to it, never those a reseller received. Nothing is recorded: a request
 * for a copy changes no fact.
 */
export function decideInvoiceRequest(state: SubscriptionState, request: InvoiceRequest): readonly InvoiceRecord[] | RuleViolation {
  const s = existing(state);
  if (!s) return notFound();
  if (request.actor.kind !== 'customer') {
    return violation(
      'actor-not-allowed',
      'Invoice requests are for the customer; a reseller receives the invoices it owns with each purchase.',
      { actorKind: request.actor.kind },
    );
  }
  const ownership = ownershipAt(s, request.now);
  if (ownership.channel !== 'direct') return invoicesIssuedByReseller(ownership);
  return s.invoices.filter((invoice) => invoice.issuedTo.kind === 'organization' && invoice.issuedTo.id === s.organizationId);
}
