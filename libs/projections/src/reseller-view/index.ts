export { resellerViewProjection } from './projection';
export * from './collections';
export * from './documents';
export * from './queries';
