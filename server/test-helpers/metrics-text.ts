/**
 * The value of one series in Prometheus text, named with its labels as prom-client prints them
 * (`confwatch_conference_faults_total{stage="view"}`); 0 when the series has not been written yet.
 */
export function readSeries(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
