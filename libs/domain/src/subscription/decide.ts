import { Decision } from '../shared/decider';
import { SubscriptionCommand } from './commands';
import { decideAddSeats } from './decide/add-seats';
import { decideCancel, decideExpire } from './decide/cancel-expire';
import { decideChangePlan } from './decide/change-plan';
import { decideDirectPurchase } from './decide/direct-purchase';
import { decideChangeInvoiceOwner } from './decide/invoice-owner';
import { decidePurchase } from './decide/purchase';
import { decideRenew } from './decide/renew';
import { decideAssignSeat, decideUnassignSeat } from './decide/seats';
import { SubscriptionEvent } from './events';
import { SubscriptionState } from './state';

export function decideSubscription(command: SubscriptionCommand, state: SubscriptionState): Decision<SubscriptionEvent> {
  switch (command.type) {
    case 'PurchaseSubscription':
      return decidePurchase(command, state);
    case 'RecordDirectPurchase':
      return decideDirectPurchase(command, state);
    case 'AddSeats':
      return decideAddSeats(command, state);
    case 'ChangePlan':
      return decideChangePlan(command, state);
    case 'AssignSeat':
      return decideAssignSeat(command, state);
    case 'UnassignSeat':
      return decideUnassignSeat(command, state);
    case 'RenewSubscription':
      return decideRenew(command, state);
    case 'CancelSubscription':
      return decideCancel(command, state);
    case 'ExpireSubscription':
      return decideExpire(command, state);
    case 'ChangeInvoiceOwner':
      return decideChangeInvoiceOwner(command, state);
  }
}
