export { readConferences } from './read-conferences';
export { readDailyCsv, readDailyReport, type CsvDownload } from './read-daily-report';
export { readHeatmap, type Heatmap, type HeatmapCell } from './read-heatmap';
export { readTop, type TopReport } from './read-top';
export type { ReportStore } from './report-store';
