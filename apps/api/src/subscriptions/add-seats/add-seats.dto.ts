import { ResellerPaymentMethodId, SeatCount } from '../dto-fields';

export class AddSeatsDto {
  /** How many seats to add, not the new total (the guide's "increase total quantity" minus what is there). */
  @SeatCount({ description: 'Seats to add (not the new total); usable at once, charged prorated to the end of the paid period (rule 4).' })
  seats!: number;

  @ResellerPaymentMethodId()
  paymentMethodId?: string;
}
