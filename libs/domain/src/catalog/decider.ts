import { Decider } from '../shared/decider';
import { CatalogCommand } from './commands';
import { decideCatalog } from './decide';
import { CatalogEvent } from './events';
import { CatalogState, evolveCatalog, initialCatalogState } from './state';

export const catalogDecider: Decider<CatalogCommand, CatalogEvent, CatalogState> = {
  initialState: initialCatalogState,
  decide: decideCatalog,
  evolve: evolveCatalog,
};

/** One price list per vendor. */
export function catalogStream(vendorId: string): string {
  return `catalog-${vendorId}`;
}
