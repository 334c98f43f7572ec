/**
 * The raw builders date items at T0 (2026-11-23), which falls ever further behind the wall clock,
 * so test sidecars accept source times up to ten years off unless a test sets its own window.
 */
export const LONG_INGEST_WINDOW = { INGEST_TIME_WINDOW_HOURS: '87600' };
