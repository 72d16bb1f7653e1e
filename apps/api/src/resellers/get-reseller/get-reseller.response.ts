import { ApiProperty } from '@nestjs/swagger';

class PaymentMethodResponse {
  @ApiProperty() paymentMethodId!: string;
  @ApiProperty({ enum: ['card', 'paypal', 'ach', 'invoice'] }) kind!: string;
  @ApiProperty({ example: 'Visa •••• 4242' }) label!: string;
}

export class ResellerProfileResponse {
  @ApiProperty() resellerId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ description: "The reseller's own address (never its customers')." }) email!: string;
  @ApiProperty({ enum: ['reseller', 'marketplace'] }) partnerKind!: string;
  @ApiProperty({ enum: ['pending-verification', 'verified'], description: 'Rule 1: nothing can be done until verified.' }) status!: string;
  @ApiProperty({ type: [PaymentMethodResponse] }) paymentMethods!: PaymentMethodResponse[];
  @ApiProperty({ type: String, nullable: true }) defaultPaymentMethodId!: string | null;
}
