export const CHECKPOINT_STORE = Symbol('CheckpointStore');

/** How often the embedded API (and the projector) seal the log's head. */
export const SEAL_INTERVAL_MS = 60_000;
