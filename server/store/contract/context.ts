import type { SqlRow } from '../sql-database';
import type { Store, StoreConfig } from '../store';

/** One database the contract runs against. */
export type StoreTarget = {
  label: 'sqlite' | 'postgres';
  config: StoreConfig;
  /** Leaves the database empty (no tables) before each test. */
  reset(): Promise<void>;
  /** Runs literal SQL beside the store, for tests that inspect or corrupt what it wrote. */
  exec(sqlText: string): Promise<SqlRow[]>;
};

export type ContractContext = {
  target: StoreTarget;
  /** Opens a store on the target; the contract closes it after the test. */
  open(): Promise<Store>;
};
