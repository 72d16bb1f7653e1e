import type { ApiKeyEvent } from './access/api-key';
import type { SessionEvent } from './access/session';
import type { StaffAccountEvent } from './access/staff-account';
import type { CatalogEvent } from './catalog/events';
import type { IssuanceRightStreamEvent } from './issuance-right/expiry';
import type { LicenseEvent } from './license/events';
import type { OrganizationStreamEvent } from './organization/reminders/ownership-transfer-reminder';
import type { DataSubjectEvent } from './privacy';
import type { ResellerEvent } from './reseller/events';
import type { SignInLinkEvent } from './sign-in-link/events';
import type { SubscriptionStreamEvent } from './subscription/auto-renewal/events';

/**
 * Every event the ledger records, as the current code reads it (stored events are upcast to their
 * type's current shape on read, schemas/registry.ts). Discriminated by `type`, so a reader that
 * switches on the type gets the data of that type. A new aggregate's stream union belongs here.
 */
export type LedgerEvent =
  | CatalogEvent
  | ResellerEvent
  | OrganizationStreamEvent
  | SubscriptionStreamEvent
  | IssuanceRightStreamEvent
  | LicenseEvent
  | SignInLinkEvent
  | ApiKeyEvent
  | SessionEvent
  | StaffAccountEvent
  | DataSubjectEvent;

export type LedgerEventType = LedgerEvent['type'];

/** The events of the given types: `LedgerEventOf<'SeatAssigned' | 'SeatUnassigned'>`. */
export type LedgerEventOf<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;
