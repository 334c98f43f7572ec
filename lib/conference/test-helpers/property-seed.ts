/**
 * The seed of every fast-check property test, so CI runs repeat; `FC_SEED=<n>` reproduces a
 * failure reported with another seed.
 */
export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 20261123);
