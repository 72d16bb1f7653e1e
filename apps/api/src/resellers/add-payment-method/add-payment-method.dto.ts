import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';

export class AddPaymentMethodDto {
  @IsIn(['card', 'paypal', 'ach', 'invoice'])
  kind!: 'card' | 'paypal' | 'ach' | 'invoice';

  /** What the reseller recognises it by ("Visa •••• 4242"); card data never enters the ledger. */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  label!: string;

  @IsIn([true, false])
  makeDefault: boolean = false;
}
