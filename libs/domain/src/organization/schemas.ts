import { EventDataShape, eventSchema, EventSchema, personalContact, personalEmail } from '../shared/event-schema';

/**
 * Organization events. `CustomerOrganizationCreated` v1 carried the contact flat
 * (`contactName`, `contactEmail`) and no `customerAssociationEnabled` (customer association came with v2, off for older organizations); v2 nests
 * it as `customerContact` and says so. v1 events already in today's shape pass through unchanged.
 */
export const organizationEventSchemas: EventSchema[] = [
  eventSchema('CustomerOrganizationCreated', {
    version: 2,
    upcasters: {
      1: ({ contactName, contactEmail, ...rest }: EventDataShape) => ({
        ...rest,
        customerContact: rest.customerContact ?? { name: contactName ?? null, email: contactEmail },
        customerAssociationEnabled: rest.customerAssociationEnabled ?? false,
      }),
    },
    personal: [...personalContact('customerContact'), personalEmail('managingReseller.email')],
  }),
  eventSchema('CompanyDetailsChanged'),
  eventSchema('OrganizationSettingsChanged'),
  eventSchema('OwnershipTransferInitiated', { personal: [personalEmail('toEmail')] }),
  eventSchema('OwnershipTransferAccepted', { personal: [personalEmail('newOwnerEmail')] }),
  eventSchema('OwnershipTransferExpired', { personal: [personalEmail('toEmail')] }),
  eventSchema('OwnershipTransferCancelled', { personal: [personalEmail('toEmail')] }),
  eventSchema('OwnershipTransferReminded', { personal: [personalEmail('toEmail')] }),
  eventSchema('AdministratorInvited', { personal: [personalEmail('email')] }),
  eventSchema('AdministratorInvitationAccepted', { personal: [personalEmail('email')] }),
  eventSchema('ContactChangeRequested', { personal: personalContact('contact') }),
  eventSchema('ContactChangeRejected'),
  eventSchema('ContactChanged', { personal: [...personalContact('contact'), ...personalContact('previousContact')] }),
];
