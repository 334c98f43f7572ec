/**
 * Names the bench's processes share. Kept apart from the modules that start servers or actors, so
 * importing a name never starts anything.
 */

/** The event the bare server broadcasts: the posted items, unchanged. */
export const BARE_EVENT = 'bare:items';

/** The ingest token of every sidecar the bench starts (they listen on 127.0.0.1 only). */
export const BENCH_TOKEN = 'bench-ingest-token-0123456789';
