export * from './collections';
export * from './documents';
export * from './projection';
export * from './queries';
