import { ConferenceModeSchema, type ConferenceMode } from '@/lib/conference';
import type { ConferenceSummary } from '@/lib/realtime';
import {
  ALERT_KINDS,
  DEFAULT_FILTERS,
  DENSITIES,
  SIZE_FILTERS,
  type AlertFilter,
  type BoardFilters,
} from './filters';

/*
 * The board's filters in the URL's query string: what a wallboard link keeps. Values that equal
 * the default are left out; anything unknown reads as the default.
 */

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads filters from a query string; unknown values fall back to the defaults. */
export function parseBoardFilters(params: { get(name: string): string | null }): BoardFilters {
  return {
    queue: params.get('queue') || null,
    agent: params.get('agent') || null,
    size: oneOf(SIZE_FILTERS, params.get('size')) ?? DEFAULT_FILTERS.size,
    alert: oneOf<AlertFilter>(['any', ...ALERT_KINDS], params.get('alert')),
    mode: oneOf<ConferenceMode>(ConferenceModeSchema.options, params.get('mode')),
    q: params.get('q') ?? '',
    density: oneOf(DENSITIES, params.get('density')) ?? DEFAULT_FILTERS.density,
  };
}

/** The query string for `filters`, leaving out what equals the default (`''` when all do). */
export function toFilterQuery(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.queue) params.set('queue', filters.queue);
  if (filters.agent) params.set('agent', filters.agent);
  if (filters.size !== DEFAULT_FILTERS.size) params.set('size', filters.size);
  if (filters.alert) params.set('alert', filters.alert);
  if (filters.mode) params.set('mode', filters.mode);
  if (filters.q) params.set('q', filters.q);
  if (filters.density !== DEFAULT_FILTERS.density) params.set('density', filters.density);
  return params.toString();
}

/** Are the filters (density aside) the defaults? Then there is nothing to reset. */
export function isDefaultFilters(filters: BoardFilters): boolean {
  return toFilterQuery({ ...filters, density: DEFAULT_FILTERS.density }) === '';
}

/** The default filters, keeping the density the supervisor chose. */
export function resetFilters(filters: BoardFilters): BoardFilters {
  return { ...DEFAULT_FILTERS, density: filters.density };
}

/**
 * A queue filter given by ARN (an older link) rewritten to the queue's name once a live call
 * names it, so the URL gets short and the Queue select shows it; `filters` itself otherwise.
 */
export function canonicalizeFilters(filters: BoardFilters, list: readonly ConferenceSummary[]): BoardFilters {
  const value = filters.queue;
  if (!value?.startsWith('arn:')) return filters;
  const named = list.find((c) => c.queue?.arn === value && c.queue.name)?.queue;
  return named?.name ? { ...filters, queue: named.name } : filters;
}
