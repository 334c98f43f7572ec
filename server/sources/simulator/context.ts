import type { AgentPool } from './agent-pool';
import type { SimulatorConfig } from './config';
import type { Delivery } from './delivery';
import type { Directory } from './directory';
import type { Call } from './model';
import type { Rng } from './random';
import type { Scheduler } from './scheduler';
import type { Stats } from './stats';

/** Everything a piece of simulated behaviour may touch. */
export type SimContext = {
  config: SimulatorConfig;
  /** Behaviour: who calls, who answers, how long people talk. */
  rng: Rng;
  /** Identifiers: contact ids, event ids, connection ids. */
  ids: Rng;
  /** Presentation: PascalCase keys, browser clock jitter. */
  format: Rng;
  clock: Scheduler;
  directory: Directory;
  delivery: Delivery;
  stats: Stats;
  /** Calls not yet over, by root contact id. */
  calls: Map<string, Call>;
  agents: AgentPool;
  supervisors: AgentPool;
};
