export { startCcpRelay } from './start-ccp-relay';
export type { CcpRelayOptions } from './start-ccp-relay';
export { toCcpSnapshot } from './to-ccp-snapshot';
export type { RelayConnection, RelaySnapshot } from './to-ccp-snapshot';
export type * from './streams-types';
