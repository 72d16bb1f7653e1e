import type { Describer } from '../context';

export const describeSeatAssigned: Describer<'SeatAssigned'> = (d) => `Seat assigned to ${d.email}`;
