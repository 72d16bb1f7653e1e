export { mailOutboxProjection, MAIL_EVENT_TYPES } from './projection';
export * from './collections';
export * from './queries';
