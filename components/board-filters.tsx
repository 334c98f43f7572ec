import { memo, useId, type ChangeEvent, type ReactNode } from 'react';
import type { AlertKind, ConferenceMode } from '@/lib/conference';
import type { FilterOption, FilterOptions } from '@/lib/board/filter-options';
import { describeShown, type BoardCounts } from '@/lib/board/counts';
import {
  DENSITIES,
  DENSITY_WORD,
  SIZE_FILTERS,
  SIZE_WORD,
  type AlertFilter,
  type BoardDensity,
  type BoardFilters,
  type SizeFilter,
} from '@/lib/board/filters';
import { isDefaultFilters, resetFilters } from '@/lib/board/filter-query';
import { ALERT_WORD, MODE_WORD } from '@/lib/board/labels';
import styles from './board-filters.module.css';

type Props = {
  filters: BoardFilters;
  options: FilterOptions;
  counts: BoardCounts;
  onChange: (next: BoardFilters) => void;
};

const ALERT_KINDS = Object.keys(ALERT_WORD) as AlertKind[];

/** The options of a long select (a thousand agents): redrawn only when the list changes. */
const Options = memo(function Options({ options }: { options: readonly FilterOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
});

/** A label and its control side by side in the markup, so the control's name is the label alone. */
function Field({
  label,
  wide = false,
  children,
}: {
  label: string;
  wide?: boolean;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`${styles.field} ${wide ? styles.search : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/**
 * Real form controls with labels, and the density; every change goes to the URL so a wallboard
 * link keeps it. The count says how many live calls are shown of how many (`describeShown`).
 */
export function BoardFilters({ filters, options, counts, onChange }: Props) {
  const set =
    <K extends keyof BoardFilters>(key: K, read: (value: string) => BoardFilters[K]) =>
    (e: ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
      onChange({ ...filters, [key]: read(e.target.value) });
  const orNull = (v: string) => v || null;
  const line = describeShown(counts);
  return (
    <form
      className={styles.filters}
      role="search"
      aria-label="Filter conferences"
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label="Queue">
        {(id) => (
          <select id={id} value={filters.queue ?? ''} onChange={set('queue', orNull)}>
            <option value="">All queues</option>
            <Options options={options.queues} />
          </select>
        )}
      </Field>
      <Field label="Agent">
        {(id) => (
          <select id={id} value={filters.agent ?? ''} onChange={set('agent', orNull)}>
            <option value="">All agents</option>
            <Options options={options.agents} />
          </select>
        )}
      </Field>
      <Field label="Size">
        {(id) => (
          <select id={id} value={filters.size} onChange={set('size', (v) => v as SizeFilter)}>
            {SIZE_FILTERS.map((size) => (
              <option key={size} value={size}>
                {SIZE_WORD[size]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Alert">
        {(id) => (
          <select
            id={id}
            value={filters.alert ?? ''}
            onChange={set('alert', (v) => (v || null) as AlertFilter | null)}
          >
            <option value="">With or without alerts</option>
            <option value="any">Any alert</option>
            {ALERT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ALERT_WORD[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Mode">
        {(id) => (
          <select
            id={id}
            value={filters.mode ?? ''}
            onChange={set('mode', (v) => (v || null) as ConferenceMode | null)}
          >
            <option value="">All modes</option>
            <option value="multi-party">{MODE_WORD['multi-party']}</option>
            <option value="three-party">{MODE_WORD['three-party']}</option>
          </select>
        )}
      </Field>
      <label className={`${styles.field} ${styles.search}`}>
        <span>
          Search<span className="visually-hidden"> contact id or agent</span>
        </span>
        <input
          type="search"
          value={filters.q}
          placeholder="Contact id or agent name"
          onChange={set('q', (v) => v)}
        />
      </label>
      <Field label="Density">
        {(id) => (
          <select id={id} value={filters.density} onChange={set('density', (v) => v as BoardDensity)}>
            {DENSITIES.map((density) => (
              <option key={density} value={density}>
                {DENSITY_WORD[density]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className={styles.count} data-testid="shown-count">
        <span aria-live="polite" className="tabular">
          <b>{line.lead}</b> {line.rest}
        </span>
        {isDefaultFilters(filters) ? null : (
          <button type="button" className="button" onClick={() => onChange(resetFilters(filters))}>
            Reset filters
          </button>
        )}
      </div>
    </form>
  );
}
