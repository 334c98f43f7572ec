export { startConnectReconciler } from './reconciler';
export type { ConnectReconciler, ConnectReconcilerOptions, ReconcilerStatus } from './reconciler';
export type { ConnectCredentials, ConnectOperation } from './connect-api';
