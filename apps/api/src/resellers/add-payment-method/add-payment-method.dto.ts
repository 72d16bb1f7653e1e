import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { trimmed } from '../../http/trimmed';

export class AddPaymentMethodDto {
  @IsIn(['card', 'paypal', 'ach', 'invoice'])
  kind!: 'card' | 'paypal' | 'ach' | 'invoice';

  /** What the reseller recognises it by ("Visa •••• 4242"); card data never enters the ledger. */
  @Transform(trimmed)
  @IsString()
  @Length(1, 100)
  label!: string;

  @IsIn([true, false])
  makeDefault: boolean = false;
}
