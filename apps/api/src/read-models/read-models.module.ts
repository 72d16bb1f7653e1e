import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AuditTrailHandler } from './audit-trail/audit-trail/audit-trail.handler';
import { AuditTrailController } from './audit-trail/audit-trail.controller';
import { InvoiceOwnerAtHandler } from './audit-trail/invoice-owner-at/invoice-owner-at.handler';
import { InvoiceOwnerHistoryHandler } from './audit-trail/invoice-owner-history/invoice-owner-history.handler';
import { CustomerOrganizationHandler } from './customer-view/customer-organization/customer-organization.handler';
import { CustomerViewController } from './customer-view/customer-view.controller';
import { MyOrganizationsHandler } from './customer-view/my-organizations/my-organizations.handler';
import { ActiveSubscriptionsHandler } from './reporting/active-subscriptions/active-subscriptions.handler';
import { IssuanceUtilizationHandler } from './reporting/issuance-utilization/issuance-utilization.handler';
import { MonthlySalesHandler } from './reporting/monthly-sales/monthly-sales.handler';
import { RenewalsDueHandler } from './reporting/renewals-due/renewals-due.handler';
import { ReportingController } from './reporting/reporting.controller';
import { PublicCustomersHandler } from './reseller-view/public-customers/public-customers.handler';
import { ResellerCustomerHandler } from './reseller-view/reseller-customer/reseller-customer.handler';
import { ResellerCustomersHandler } from './reseller-view/reseller-customers/reseller-customers.handler';
import { ResellerIssuanceRightsHandler } from './reseller-view/reseller-issuance-rights/reseller-issuance-rights.handler';
import { ResellerLicensesHandler } from './reseller-view/reseller-licenses/reseller-licenses.handler';
import { ResellerSubscriptionsHandler } from './reseller-view/reseller-subscriptions/reseller-subscriptions.handler';
import { ResellerViewController } from './reseller-view/reseller-view.controller';

/** Queries out: each controller validates and dispatches on the QueryBus; each handler checks tenancy and reads one read model. */
@Module({
  imports: [ProjectionsModule],
  controllers: [ResellerViewController, CustomerViewController, AuditTrailController, ReportingController],
  providers: [
    ResellerCustomersHandler,
    ResellerCustomerHandler,
    ResellerSubscriptionsHandler,
    ResellerIssuanceRightsHandler,
    ResellerLicensesHandler,
    PublicCustomersHandler,
    MyOrganizationsHandler,
    CustomerOrganizationHandler,
    AuditTrailHandler,
    InvoiceOwnerAtHandler,
    InvoiceOwnerHistoryHandler,
    MonthlySalesHandler,
    ActiveSubscriptionsHandler,
    RenewalsDueHandler,
    IssuanceUtilizationHandler,
  ],
})
export class ReadModelsModule {}
