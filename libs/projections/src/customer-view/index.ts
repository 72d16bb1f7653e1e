export { customerViewProjection } from './projection';
export * from './collections';
export * from './documents';
export * from './queries';
export { organizationBoughtThrough } from './bought-through';
export { applyOfferAndSearchEvent, nameSearchValue } from './offers-and-search';
