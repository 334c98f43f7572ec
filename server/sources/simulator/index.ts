export type { RecordedItem, StreamName } from '../recording';
export { SimulatorConfigSchema } from './config';
export type { SimulatorConfig } from './config';
export { startLiveSimulator } from './live';
export type { LiveSimulatorOptions } from './live';
export { createSimulator, SUMMARY_COUNTERS } from './simulator';
export type { Simulator } from './simulator';
export type { TruthConference, TruthParty, TruthSnapshot } from './truth';
