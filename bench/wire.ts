/**
 * Names the bench's processes share. Kept apart from the modules that start servers or actors, so
 * importing a name never starts anything.
 */

/** The event the raw relay broadcasts: the posted items, unchanged. */
export const RAW_RELAY_EVENT = 'bare:items';

/**
 * The header that numbers each post of a step (0, 1, …) in the order the load generator sent it:
 * the bare server replays the frames the sidecar pushed for post N when its own post N arrives.
 */
export const POST_ORDINAL_HEADER = 'x-bench-post';

/** The ingest token of every sidecar the bench starts (they listen on 127.0.0.1 only). */
export const BENCH_TOKEN = 'bench-ingest-token-0123456789';

/** The sidecars' ADMIN_TOKEN: the browser suite makes the token it opens the board with. */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** The sidecars' WALLBOARD_TOKEN: the wallboard soak opens `/wallboard?token=…` with it, as a kiosk does. */
export const BENCH_WALLBOARD_TOKEN = 'bench-wallboard-token-0123456789abcdef';
