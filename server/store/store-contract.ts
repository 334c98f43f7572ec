import { afterEach, beforeEach, describe } from 'vitest';
import { registerAckContract } from './contract/ack-contract';
import { registerAuthContract } from './contract/auth-contract';
import type { ContractContext, StoreTarget } from './contract/context';
import { registerDurabilityContract } from './contract/durability-contract';
import { registerEventLogContract } from './contract/event-log-contract';
import { registerHistoryContract } from './contract/history-contract';
import { registerLifecycleContract } from './contract/lifecycle-contract';
import { registerReportContract } from './contract/report-contract';
import { openStore } from './open-store';
import type { Store } from './store';

export type { StoreTarget } from './contract/context';

/**
 * Registers the whole store contract against one database. Both dialects run this same suite, so
 * any behaviour that differs between SQLite and PostgreSQL fails one of them.
 */
export function registerStoreContract(target: StoreTarget): void {
  describe(`store contract (${target.label})`, () => {
    const opened: Store[] = [];
    const ctx: ContractContext = {
      target,
      open: async () => {
        const store = await openStore(target.config);
        opened.push(store);
        return store;
      },
    };
    beforeEach(() => target.reset());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    registerEventLogContract(ctx);
    registerHistoryContract(ctx);
    registerAckContract(ctx);
    registerAuthContract(ctx);
    registerLifecycleContract(ctx);
    registerReportContract(ctx);
    registerDurabilityContract(ctx);
  });
}
