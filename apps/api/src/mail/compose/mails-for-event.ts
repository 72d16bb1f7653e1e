import { mailedTokenPurpose } from '@channel-ledger/application';
import { ERASED, fold, invoiceOwnerAt, subscriptionDecider } from '@channel-ledger/domain';
import type {
  AdministratorInvited,
  CompanyDetailsChanged,
  CustomerOrganizationCreated,
  InvoiceIssued,
  LicenseDelivered,
  LicenseIssued,
  OwnershipTransferExpired,
  OwnershipTransferInitiated,
  OwnershipTransferReminded,
  RenewalChargeFailed,
  RenewalReminded,
  ResellerRegistered,
  ResellerVerificationReissued,
  SignInLinkIssued,
  SubscriptionExpired,
  SubscriptionStreamEvent,
} from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { MailMessage } from '../mail-message';
import { administratorInvitationMail } from './administrator-invitation.mail';
import { invoiceReceiptMail } from './invoice-receipt.mail';
import { licenseDeliveryMail } from './license-delivery.mail';
import { ownershipOfferLapsedMail } from './ownership-offer-lapsed.mail';
import { ownershipOfferReminderMail } from './ownership-offer-reminder.mail';
import { ownershipTransferMail } from './ownership-transfer.mail';
import { renewalChargeFailedMail } from './renewal-charge-failed.mail';
import { renewalReminderMail } from './renewal-reminder.mail';
import { resellerVerificationMail } from './reseller-verification.mail';
import { signInLinkMail } from './sign-in-link.mail';
import { subscriptionEndedMail } from './subscription-ended.mail';

export interface MailContext {
  publicUrl: string;
  /** `Secrets.derive`: recomputes a mailed token from its purpose (see mailed-tokens.ts). */
  derive(purpose: string): string;
}

type DataOf<E extends { data: unknown }> = E['data'];
const dataOf = <E extends { data: unknown }>(event: RecordedEvent): DataOf<E> => event.data as unknown as DataOf<E>;
const lastOf = (history: readonly RecordedEvent[], ...types: string[]) => [...history].reverse().find((e) => types.includes(e.type));

/**
 * The mails an event asks for, from the event and the earlier events of its stream (`history`),
 * e.g. the organization's name for an ownership offer. Pure: the same event always yields the
 * same mails, which is what makes re-sending after a crash land on the same .eml / Message-ID.
 * None to a person forgotten before it was sent (their address reads "[erased]").
 */
export function mailsForEvent(event: RecordedEvent, history: readonly RecordedEvent[], context: MailContext): MailMessage[] {
  return composeMails(event, history, context).filter((mail) => mail.to !== ERASED);
}

function composeMails(event: RecordedEvent, history: readonly RecordedEvent[], context: MailContext): MailMessage[] {
  switch (event.type) {
    case 'ResellerRegistered': {
      const data = dataOf<ResellerRegistered>(event);
      const token = context.derive(mailedTokenPurpose.resellerVerification(event.eventId));
      return [resellerVerificationMail({ ...data, token, expiresAt: data.verificationExpiresAt })];
    }
    case 'ResellerVerificationReissued': {
      const data = dataOf<ResellerVerificationReissued>(event);
      const registered = lastOf(history, 'ResellerRegistered');
      if (!registered) return [];
      const { companyName, email } = dataOf<ResellerRegistered>(registered);
      const token = context.derive(mailedTokenPurpose.resellerVerification(event.eventId));
      return [resellerVerificationMail({ resellerId: data.resellerId, companyName, email, token, expiresAt: data.verificationExpiresAt })];
    }
    case 'SignInLinkIssued': {
      const data = dataOf<SignInLinkIssued>(event);
      const token = context.derive(mailedTokenPurpose.signInLink(data.linkId));
      return [signInLinkMail({ linkId: data.linkId, email: data.email, token, expiresAt: data.expiresAt, publicUrl: context.publicUrl })];
    }
    case 'OwnershipTransferInitiated': {
      const data = dataOf<OwnershipTransferInitiated>(event);
      const created = lastOf(history, 'CustomerOrganizationCreated');
      const reseller = created ? dataOf<CustomerOrganizationCreated>(created).managingReseller : null;
      return [
        ownershipTransferMail({
          ...data,
          organizationName: organizationName(history, data.organizationId),
          resellerName: reseller?.resellerId === data.fromResellerId ? reseller.companyName : 'Your reseller',
        }),
      ];
    }
    case 'AdministratorInvited': {
      const data = dataOf<AdministratorInvited>(event);
      return [administratorInvitationMail({ ...data, organizationName: organizationName(history, data.organizationId) })];
    }
    case 'LicenseDelivered': {
      const data = dataOf<LicenseDelivered>(event);
      const issued = lastOf(history, 'LicenseIssued');
      return [
        licenseDeliveryMail({ toEmail: data.toEmail, licenseId: data.licenseId, nfr: issued ? dataOf<LicenseIssued>(issued).nfr : false }),
      ];
    }
    case 'InvoiceIssued': {
      const data = dataOf<InvoiceIssued>(event);
      // Receipts need an address to go to; an invoice owner without one gets none rather than a guess.
      if (!data.issuedTo?.email) return [];
      return [
        invoiceReceiptMail({
          ownerName: data.issuedTo.name,
          ownerEmail: data.issuedTo.email,
          invoiceNumber: data.invoiceNumber,
          issuedAt: data.issuedAt,
          currency: data.currency,
          lines: data.lines,
          total: data.total,
          terms: data.payment.terms,
        }),
      ];
    }
    // Recorded by the time-driven processes (libs/processes).
    case 'OwnershipTransferReminded': {
      const data = dataOf<OwnershipTransferReminded>(event);
      if (recordedLate(event, data.expiresAt)) return [];
      const reseller = managingReseller(history);
      return [
        ownershipOfferReminderMail({
          ...data,
          organizationName: organizationName(history, data.organizationId),
          resellerName: reseller?.companyName ?? 'Your reseller',
        }),
      ];
    }
    case 'OwnershipTransferExpired': {
      // A lapse a reseller's new offer recorded needs no mail: the reseller is offering again.
      if (event.metadata.actor.kind !== 'system') return [];
      const data = dataOf<OwnershipTransferExpired>(event);
      const reseller = managingReseller(history);
      if (!reseller) return [];
      return [
        ownershipOfferLapsedMail({
          resellerEmail: reseller.email,
          resellerName: reseller.companyName,
          organizationId: data.organizationId,
          organizationName: organizationName(history, data.organizationId),
          toEmail: data.toEmail,
          expiresAt: data.expiresAt,
        }),
      ];
    }
    case 'RenewalReminded': {
      const data = dataOf<RenewalReminded>(event);
      if (recordedLate(event, data.termEnd)) return [];
      return [renewalReminderMail(data)];
    }
    case 'RenewalChargeFailed': {
      const data = dataOf<RenewalChargeFailed>(event);
      // The last decline: the lapse notice (SubscriptionExpired, payment-failed) says it all.
      if (data.nextAttemptAt === null) return [];
      return [renewalChargeFailedMail({ ...data, nextAttemptAt: data.nextAttemptAt })];
    }
    case 'SubscriptionExpired': {
      if (event.metadata.actor.kind !== 'system') return [];
      const data = dataOf<SubscriptionExpired>(event);
      const state = fold(
        subscriptionDecider,
        history.map((e) => ({ type: e.type, data: e.data }) as unknown as SubscriptionStreamEvent),
      );
      const ownership = invoiceOwnerAt(state, data.expiredAt);
      if (!ownership?.owner.email || state.status === 'none') return [];
      return [
        subscriptionEndedMail({
          invoiceOwner: ownership.owner,
          subscriptionId: data.subscriptionId,
          organizationName: state.organizationName,
          expiredAt: data.expiredAt,
          reason: data.reason,
        }),
      ];
    }
    default:
      return [];
  }
}

/**
 * A reminder recorded only after the moment it reminds of (the processes catching up after
 * downtime, or their first run over an older log) stays in the log but is not mailed: late news
 * of a deadline already past would mislead.
 */
function recordedLate(event: RecordedEvent, deadline: string): boolean {
  return Date.parse(event.metadata.recordedAt) >= Date.parse(deadline);
}

/** The reseller that manages the organization, from its creation. */
function managingReseller(history: readonly RecordedEvent[]) {
  const created = lastOf(history, 'CustomerOrganizationCreated');
  return created ? dataOf<CustomerOrganizationCreated>(created).managingReseller : null;
}

/** The organization's current name (a rename is a CompanyDetailsChanged), or its id if the stream has none. */
function organizationName(history: readonly RecordedEvent[], organizationId: string): string {
  const named = lastOf(history, 'CustomerOrganizationCreated', 'CompanyDetailsChanged');
  return named ? dataOf<CustomerOrganizationCreated | CompanyDetailsChanged>(named).name : organizationId;
}
