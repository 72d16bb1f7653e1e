import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SetDefaultPaymentMethodDto {
  @ApiProperty({ format: 'uuid', description: 'One of your payment methods.' })
  @IsUUID()
  paymentMethodId!: string;
}
