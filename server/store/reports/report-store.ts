import type { Store } from '../store';

/** What the report readers ask of a store (routes are given no more than this). */
export type ReportStore = Pick<
  Store,
  'sumReportDays' | 'countConferenceStarts' | 'topReportMembers' | 'listReportConferences'
>;
