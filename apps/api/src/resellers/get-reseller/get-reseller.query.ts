import { Query } from '@nestjs/cqrs';
import { Principal } from '../../access/principal';

export interface ResellerProfile {
  resellerId: string;
  companyName: string;
  email: string;
  partnerKind: 'reseller' | 'marketplace';
  status: 'pending-verification' | 'verified';
  paymentMethods: { paymentMethodId: string; kind: string; label: string }[];
  defaultPaymentMethodId: string | null;
}

export class GetResellerQuery extends Query<ResellerProfile> {
  constructor(
    readonly resellerId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
