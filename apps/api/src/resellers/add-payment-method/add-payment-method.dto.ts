import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class AddPaymentMethodDto {
  @ApiProperty({ enum: ['card', 'paypal', 'ach', 'invoice'], description: 'invoice (net terms) pays for the Enterprise tier only.' })
  @IsIn(['card', 'paypal', 'ach', 'invoice'])
  kind!: 'card' | 'paypal' | 'ach' | 'invoice';

  /** What the reseller recognises it by ("Visa •••• 4242"); card data never enters the ledger. */
  @ApiProperty({ example: 'Visa •••• 4242', maxLength: 100, description: 'What you recognise it by; never card data.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  label!: string;

  @ApiPropertyOptional({ default: false, description: 'Make it the default for renewals and purchases that name no method.' })
  @IsIn([true, false])
  makeDefault: boolean = false;
}
