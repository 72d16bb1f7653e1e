import { Module } from '@nestjs/common';
import { AddSeatsController } from './add-seats/add-seats.controller';
import { AddSeatsHandler } from './add-seats/add-seats.handler';
import { AssignSeatController } from './assign-seat/assign-seat.controller';
import { AssignSeatHandler } from './assign-seat/assign-seat.handler';
import { CancelSubscriptionController } from './cancel-subscription/cancel-subscription.controller';
import { CancelSubscriptionHandler } from './cancel-subscription/cancel-subscription.handler';
import { ChangeInvoiceOwnerController } from './change-invoice-owner/change-invoice-owner.controller';
import { ChangeInvoiceOwnerHandler } from './change-invoice-owner/change-invoice-owner.handler';
import { ChangePlanController } from './change-plan/change-plan.controller';
import { ChangePlanHandler } from './change-plan/change-plan.handler';
import { PurchaseSubscriptionController } from './purchase-subscription/purchase-subscription.controller';
import { PurchaseSubscriptionHandler } from './purchase-subscription/purchase-subscription.handler';
import { QuoteRenewalController } from './quote-renewal/quote-renewal.controller';
import { QuoteRenewalHandler } from './quote-renewal/quote-renewal.handler';
import { QuoteUpgradeController } from './quote-upgrade/quote-upgrade.controller';
import { QuoteUpgradeHandler } from './quote-upgrade/quote-upgrade.handler';
import { RecordDirectPurchaseController } from './record-direct-purchase/record-direct-purchase.controller';
import { RecordDirectPurchaseHandler } from './record-direct-purchase/record-direct-purchase.handler';
import { RenewSubscriptionController } from './renew-subscription/renew-subscription.controller';
import { RenewSubscriptionHandler } from './renew-subscription/renew-subscription.handler';
import { RequestInvoicesController } from './request-invoices/request-invoices.controller';
import { RequestInvoicesHandler } from './request-invoices/request-invoices.handler';
import { SetAutoRenewalController } from './set-auto-renewal/set-auto-renewal.controller';
import { SetAutoRenewalHandler } from './set-auto-renewal/set-auto-renewal.handler';
import { UnassignSeatController } from './unassign-seat/unassign-seat.controller';
import { UnassignSeatHandler } from './unassign-seat/unassign-seat.handler';

/** A subscription's life over HTTP: reseller purchase and changes, quotes, the customer's two doors, support's decision. */
@Module({
  controllers: [
    PurchaseSubscriptionController,
    AddSeatsController,
    AssignSeatController,
    UnassignSeatController,
    ChangePlanController,
    QuoteUpgradeController,
    QuoteRenewalController,
    RenewSubscriptionController,
    CancelSubscriptionController,
    RequestInvoicesController,
    RecordDirectPurchaseController,
    ChangeInvoiceOwnerController,
    SetAutoRenewalController,
  ],
  providers: [
    PurchaseSubscriptionHandler,
    AddSeatsHandler,
    AssignSeatHandler,
    UnassignSeatHandler,
    ChangePlanHandler,
    QuoteUpgradeHandler,
    QuoteRenewalHandler,
    RenewSubscriptionHandler,
    CancelSubscriptionHandler,
    RequestInvoicesHandler,
    RecordDirectPurchaseHandler,
    ChangeInvoiceOwnerHandler,
    SetAutoRenewalHandler,
  ],
})
export class SubscriptionsModule {}
