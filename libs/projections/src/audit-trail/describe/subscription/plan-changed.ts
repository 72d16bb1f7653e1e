import type { Describer } from '../context';
import { day, money, planName, prorationOf, seats } from '../format';

/** "Plan changed: GitLens Pro → GitLens Teams for 10 seats, prorated 152 of 365 days, USD 201.53" */
export const describePlanChanged: Describer<'PlanChanged'> = (d, context) => {
  const head = `Plan changed: ${planName(d.from)} → ${planName(d.to)} for ${seats(d.seats)}`;
  const invoice = context.invoice;
  if (!invoice) return `${head}, effective ${day(d.effectiveAt)}`;
  const proration = prorationOf(invoice.lines.filter((line) => line.kind === 'plan-change-charge'));
  return `${head}${proration ? `, ${proration}` : ''}, ${money(invoice.currency, invoice.total)}`;
};
