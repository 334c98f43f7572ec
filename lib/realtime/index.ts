export * from './alert-key';
export * from './board-state';
export * from './conference-view-schema';
export * from './events';
export * from './messages';
export * from './summary';
export * from './snapshot-frame';
export * from './describe-issues';
