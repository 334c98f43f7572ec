import { parseBoardFilters } from '@/lib/board/filter-query';
import type { BoardFilters } from '@/lib/board/filters';
import type { ConferenceMode } from '@/lib/conference';
import { DEFAULT_PRIVACY, PRIVACY_LEVELS, type PrivacyLevel } from './privacy';
import { parseThresholds, type Thresholds } from './thresholds';

/** What a wallboard screen can show, in the order it rotates through them by default. */
export const VIEWS = ['kpis', 'grid', 'hourly'] as const;
export type WallboardView = (typeof VIEWS)[number];

export const VIEW_WORD: Record<WallboardView, string> = {
  kpis: 'Key figures',
  grid: 'Live conferences',
  hourly: 'Today by hour',
};

/** Which calls a screen is about: every view (figures, grid, history) counts only these. */
export type CallFilters = { queues: string[]; agent: string | null; mode: ConferenceMode | null };

export type WallboardSettings = {
  views: WallboardView[];
  /** Seconds each view stays before the next; 0: no rotation (the first view stays). */
  rotateSeconds: number;
  /** Seconds each page of the grid stays, when there are more conferences than fit. */
  pageSeconds: number;
  calls: CallFilters;
  /** The board's filters for the grid (size, alert, search); queue, agent and mode come from `calls`. */
  grid: BoardFilters;
  thresholds: Thresholds;
  /** null: follow the screen's system setting. */
  theme: 'light' | 'dark' | null;
  privacy: PrivacyLevel;
  /** Parameters that were given but could not be used, as `name=value`: the screen says so. */
  ignored: string[];
};

export const DEFAULT_ROTATE_SECONDS = 20;
export const DEFAULT_PAGE_SECONDS = 10;

type Params = Pick<URLSearchParams, 'get' | 'getAll' | 'entries'>;

function seconds(
  params: Params,
  name: string,
  fallback: number,
  min: number,
  ignored: string[],
  allowOff: boolean,
): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (allowOff && (raw === '0' || raw === 'off')) return 0;
  const n = Number(raw);
  if (/^\d{1,5}$/.test(raw) && n >= min && n <= 3_600) return n;
  ignored.push(`${name}=${raw}`);
  return fallback;
}

function oneOf<T extends string>(
  params: Params,
  name: string,
  values: readonly T[],
  ignored: string[],
): T | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  ignored.push(`${name}=${raw}`);
  return null;
}

function parseViews(params: Params, ignored: string[]): WallboardView[] {
  const raw = params.get('views');
  if (raw === null || raw.trim() === '') return [...VIEWS];
  const views: WallboardView[] = [];
  for (const part of raw.split(',').map((s) => s.trim())) {
    if ((VIEWS as readonly string[]).includes(part)) {
      if (!views.includes(part as WallboardView)) views.push(part as WallboardView);
    } else if (part) ignored.push(`views=${part}`);
  }
  return views.length > 0 ? views : [...VIEWS];
}

/**
 * A wallboard screen from its URL, so each screen is a bookmark: `views=kpis,grid,hourly`,
 * `rotate=20` (seconds, `0` for none), `page=10`, `queue=…` (repeatable), `agent`, `mode`, the grid's
 * `size`, `alert` and `q`, `warn.<kpi>` / `crit.<kpi>`, `theme=light|dark`, and
 * `privacy=initials|first-name|full`. What cannot be used falls back to its default and is named in
 * `ignored`.
 */
export function parseWallboardParams(params: Params): WallboardSettings {
  const ignored: string[] = [];
  const board = parseBoardFilters(params);
  const queues = [
    ...new Set(
      params
        .getAll('queue')
        .map((q) => q.trim())
        .filter(Boolean),
    ),
  ];
  const { thresholds, ignored: badThresholds } = parseThresholds(params.entries());
  const settings: WallboardSettings = {
    views: parseViews(params, ignored),
    rotateSeconds: seconds(params, 'rotate', DEFAULT_ROTATE_SECONDS, 5, ignored, true),
    pageSeconds: seconds(params, 'page', DEFAULT_PAGE_SECONDS, 3, ignored, false),
    calls: { queues, agent: board.agent, mode: board.mode },
    grid: { ...board, queue: null, agent: null, mode: null, density: 'compact' },
    thresholds,
    theme: oneOf(params, 'theme', ['light', 'dark'] as const, ignored),
    privacy: oneOf(params, 'privacy', PRIVACY_LEVELS, ignored) ?? DEFAULT_PRIVACY,
    ignored,
  };
  ignored.push(...badThresholds);
  return settings;
}
