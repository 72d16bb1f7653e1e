import type { Describer } from '../context';

export const describeSeatUnassigned: Describer<'SeatUnassigned'> = (d) => `Seat of ${d.email} unassigned`;
