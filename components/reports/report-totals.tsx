import type { ReportFigures } from '@/lib/reports/daily-report';
import { formatFigure, type FigureUnit } from '@/lib/reports/report-format';
import styles from './reports.module.css';

const TILES: { key: string; label: string; unit: FigureUnit; pick: (f: ReportFigures) => number }[] = [
  { key: 'calls', label: 'Calls', unit: 'count', pick: (f) => f.calls },
  { key: 'conferences', label: 'Conferences', unit: 'count', pick: (f) => f.conferences },
  { key: 'multiPartyShare', label: 'Became multi-party', unit: 'share', pick: (f) => f.multiPartyShare },
  { key: 'conferenceMinutes', label: 'Conference time', unit: 'minutes', pick: (f) => f.conferenceMinutes },
  { key: 'capHits', label: 'Cap hits', unit: 'count', pick: (f) => f.capHits },
  {
    key: 'contactLensConflicts',
    label: 'Contact Lens conflicts',
    unit: 'count',
    pick: (f) => f.contactLensConflicts,
  },
  {
    key: 'consultHoldAverage',
    label: 'Consult hold, average',
    unit: 'seconds',
    pick: (f) => f.consultHold.averageSeconds,
  },
  {
    key: 'consultHoldLongest',
    label: 'Consult hold, longest',
    unit: 'seconds',
    pick: (f) => f.consultHold.longestSeconds,
  },
  {
    key: 'externalPartiesAdded',
    label: 'External parties added',
    unit: 'count',
    pick: (f) => f.externalPartiesAdded,
  },
];

/** The range's totals in large type: what a manager reads first. */
export function ReportTotals({ totals }: { totals: ReportFigures }) {
  return (
    <dl className={styles.totals} data-testid="report-totals">
      {TILES.map((t) => (
        <div key={t.key} className={styles.tile} data-figure={t.key} data-value={t.pick(totals)}>
          <dt>{t.label}</dt>
          <dd className="tabular">{formatFigure(t.pick(totals), t.unit)}</dd>
        </div>
      ))}
    </dl>
  );
}
