import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AcceptAdministratorInvitationController } from './accept-administrator-invitation/accept-administrator-invitation.controller';
import { AcceptAdministratorInvitationHandler } from './accept-administrator-invitation/accept-administrator-invitation.handler';
import { AcceptOwnershipController } from './accept-ownership/accept-ownership.controller';
import { AcceptOwnershipHandler } from './accept-ownership/accept-ownership.handler';
import { ApproveContactChangeController } from './approve-contact-change/approve-contact-change.controller';
import { ApproveContactChangeHandler } from './approve-contact-change/approve-contact-change.handler';
import { CancelOwnershipTransferController } from './cancel-ownership-transfer/cancel-ownership-transfer.controller';
import { CancelOwnershipTransferHandler } from './cancel-ownership-transfer/cancel-ownership-transfer.handler';
import { ChangeCompanyDetailsController } from './change-company-details/change-company-details.controller';
import { ChangeCompanyDetailsHandler } from './change-company-details/change-company-details.handler';
import { ChangeContactController } from './change-contact/change-contact.controller';
import { ChangeContactHandler } from './change-contact/change-contact.handler';
import { ChangeOrganizationSettingsController } from './change-organization-settings/change-organization-settings.controller';
import { ChangeOrganizationSettingsHandler } from './change-organization-settings/change-organization-settings.handler';
import { CreateCustomerOrganizationController } from './create-customer-organization/create-customer-organization.controller';
import { CreateCustomerOrganizationHandler } from './create-customer-organization/create-customer-organization.handler';
import { InitiateOwnershipTransferController } from './initiate-ownership-transfer/initiate-ownership-transfer.controller';
import { InitiateOwnershipTransferHandler } from './initiate-ownership-transfer/initiate-ownership-transfer.handler';
import { InviteAdministratorController } from './invite-administrator/invite-administrator.controller';
import { InviteAdministratorHandler } from './invite-administrator/invite-administrator.handler';
import { ListOwnershipOffersController } from './list-ownership-offers/list-ownership-offers.controller';
import { ListOwnershipOffersHandler } from './list-ownership-offers/list-ownership-offers.handler';
import { RejectContactChangeController } from './reject-contact-change/reject-contact-change.controller';
import { RejectContactChangeHandler } from './reject-contact-change/reject-contact-change.handler';
import { RequestContactChangeController } from './request-contact-change/request-contact-change.controller';
import { RequestContactChangeHandler } from './request-contact-change/request-contact-change.handler';
import { SearchOrganizationsController } from './search-organizations/search-organizations.controller';
import { SearchOrganizationsHandler } from './search-organizations/search-organizations.handler';

/** Customer organizations: creation, ownership transfer (rules 2, 3), administrators (15), contacts (8, 9), support's search. */
@Module({
  imports: [ProjectionsModule],
  controllers: [
    CreateCustomerOrganizationController,
    ChangeCompanyDetailsController,
    ChangeOrganizationSettingsController,
    InitiateOwnershipTransferController,
    CancelOwnershipTransferController,
    AcceptOwnershipController,
    ListOwnershipOffersController,
    InviteAdministratorController,
    AcceptAdministratorInvitationController,
    ChangeContactController,
    RequestContactChangeController,
    ApproveContactChangeController,
    RejectContactChangeController,
    SearchOrganizationsController,
  ],
  providers: [
    CreateCustomerOrganizationHandler,
    ChangeCompanyDetailsHandler,
    ChangeOrganizationSettingsHandler,
    InitiateOwnershipTransferHandler,
    CancelOwnershipTransferHandler,
    AcceptOwnershipHandler,
    ListOwnershipOffersHandler,
    InviteAdministratorHandler,
    AcceptAdministratorInvitationHandler,
    ChangeContactHandler,
    RequestContactChangeHandler,
    ApproveContactChangeHandler,
    RejectContactChangeHandler,
    SearchOrganizationsHandler,
  ],
})
export class OrganizationsModule {}
