import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetAutoRenewalDto {
  @ApiProperty({
    description:
      'On: at the end of the paid period the renewal (the renewal quote, at the price in force) is charged to your default payment method, ' +
      'retried 1, 3 and 7 days later if declined, and the subscription lapses after the fourth decline. Off: it ends at the term end.',
  })
  @IsBoolean()
  enabled!: boolean;
}
