import type { AlertKind, ConferenceMode } from '@/lib/conference';
import type { ConferenceSummary } from '@/lib/realtime';
import { isLive } from './counts';
import { ALERT_WORD, arnTail, MODE_WORD, queueLabel } from './labels';
import { partyName } from './party';

export const SIZE_FILTERS = ['all', '3-plus', '2', '3', '4', '5', '6'] as const;
export type SizeFilter = (typeof SIZE_FILTERS)[number];

export const SIZE_WORD: Record<SizeFilter, string> = {
  all: 'All sizes',
  '3-plus': '3 or more',
  '2': '2 parties',
  '3': '3 parties',
  '4': '4 parties',
  '5': '5 parties',
  '6': '6 parties',
};

/** `any`: conferences with at least one live alert; a kind: conferences with that alert. */
export type AlertFilter = 'any' | AlertKind;

/** How much a card shows: the participant graph, or one row per party (more cards on a screen). */
export const DENSITIES = ['comfortable', 'compact'] as const;
export type BoardDensity = (typeof DENSITIES)[number];

export const DENSITY_WORD: Record<BoardDensity, string> = { comfortable: 'Comfortable', compact: 'Compact' };

/**
 * The board's filters, and its density (not a filter, but kept with them so a wallboard link keeps
 * it); null means "not filtered by this". They live in the URL query string.
 */
export type BoardFilters = {
  /** A queue's name (what the URL carries), or its ARN when no source has named it. */
  queue: string | null;
  agent: string | null;
  size: SizeFilter;
  alert: AlertFilter | null;
  mode: ConferenceMode | null;
  /** As typed (the input shows it back); matching ignores surrounding spaces. */
  q: string;
  density: BoardDensity;
};

/** A wallboard shows conferences, not plain two-party calls, unless asked to. */
export const DEFAULT_FILTERS: BoardFilters = {
  queue: null,
  agent: null,
  size: '3-plus',
  alert: null,
  mode: null,
  q: '',
  density: 'comfortable',
};

/** The filters proper: everything in `BoardFilters` but the density. */
export type FilterKey = Exclude<keyof BoardFilters, 'density'>;

/** Each filter turned off: what `widenFilters` sets a filter to when it hides a wanted call. */
const OPEN: Pick<BoardFilters, FilterKey> = {
  queue: null,
  agent: null,
  size: 'all',
  alert: null,
  mode: null,
  q: '',
};

export const ALERT_KINDS = Object.keys(ALERT_WORD) as AlertKind[];

/** The value the Queue filter uses for a queue: its name, else (never named) its ARN. */
export function queueKey(queue: { arn: string; name: string | null }): string {
  return queue.name ?? queue.arn;
}

/** Does `queue` match the filter value `value`, given by name or (as older links have it) by ARN? */
function queueMatches(queue: ConferenceSummary['queue'], value: string): boolean {
  return queue !== null && (queue.name === value || queue.arn === value);
}

/** How many parties a card stands for: the live count, or the peak once the call has ended. */
export function conferenceSize(c: ConferenceSummary): number {
  return c.state === 'ended' ? c.peakParticipants : c.activeParticipants;
}

/** The value the Agent filter uses for an agent: its ARN, else its name. */
export function agentKey(p: { agentArn: string | null; name: string | null }): string | null {
  return p.agentArn ?? (p.name ? `name:${p.name}` : null);
}

type Test = (c: ConferenceSummary) => boolean;

function sizeTest(size: SizeFilter): Test {
  if (size === 'all') return () => true;
  if (size === '3-plus') return (c) => conferenceSize(c) >= 3;
  const n = Number(size);
  return (c) => conferenceSize(c) === n;
}

function searchTest(q: string): Test {
  const needle = q.trim().toLowerCase();
  return (c) =>
    c.id.toLowerCase().includes(needle) ||
    c.participants.some(
      (p) =>
        p.contactId.toLowerCase().includes(needle) ||
        (p.role === 'agent' && !!p.name && p.name.toLowerCase().includes(needle)),
    );
}

/** One test per filter that is set, named for the empty-state message. */
function activeTests(f: BoardFilters): { key: FilterKey; test: Test }[] {
  const tests: { key: FilterKey; test: Test }[] = [];
  const queue = f.queue;
  if (queue) tests.push({ key: 'queue', test: (c) => queueMatches(c.queue, queue) });
  if (f.agent)
    tests.push({
      key: 'agent',
      test: (c) =>
        c.participants.some(
          (p) => p.role === 'agent' && p.state !== 'disconnected' && agentKey(p) === f.agent,
        ),
    });
  if (f.size !== 'all') tests.push({ key: 'size', test: sizeTest(f.size) });
  if (f.alert === 'any') tests.push({ key: 'alert', test: (c) => c.alerts.length > 0 });
  else if (f.alert) tests.push({ key: 'alert', test: (c) => c.alerts.some((a) => a.kind === f.alert) });
  if (f.mode) tests.push({ key: 'mode', test: (c) => c.mode === f.mode });
  if (f.q.trim()) tests.push({ key: 'q', test: searchTest(f.q) });
  return tests;
}

/** The conferences that pass every filter, in the order given. */
export function filterConferences(
  list: readonly ConferenceSummary[],
  filters: BoardFilters,
): ConferenceSummary[] {
  const tests = activeTests(filters);
  if (tests.length === 0) return [...list];
  return list.filter((c) => tests.every((t) => t.test(c)));
}

export type HiddenBy = { key: FilterKey; label: string; hidden: number };

/**
 * For the empty state: each filter that is set, and how many live conferences (`isLive`, as every
 * count on the board) it alone hides.
 */
export function describeHidden(list: readonly ConferenceSummary[], filters: BoardFilters): HiddenBy[] {
  return activeTests(filters).map(({ key, test }) => ({
    key,
    label: filterLabel(key, filters, list),
    hidden: list.reduce((n, c) => (isLive(c) && !test(c) ? n + 1 : n), 0),
  }));
}

/**
 * The filters with every filter that hides any of `wanted` turned off (the size filter to all
 * sizes) and the others kept: the smallest change that puts all of them on the board.
 */
export function widenFilters(filters: BoardFilters, wanted: readonly ConferenceSummary[]): BoardFilters {
  const next: BoardFilters = { ...filters };
  for (const { key, test } of activeTests(filters)) {
    if (!wanted.every(test)) Object.assign(next, { [key]: OPEN[key] });
  }
  return next;
}

function filterLabel(key: FilterKey, f: BoardFilters, list: readonly ConferenceSummary[]): string {
  switch (key) {
    case 'queue': {
      const value = f.queue ?? '';
      const queue = list.find((c) => queueMatches(c.queue, value))?.queue;
      return `Queue: ${queue ? queueLabel(queue) : value.startsWith('arn:') ? `Queue ${arnTail(value)}` : value}`;
    }
    case 'agent': {
      const agent = list.flatMap((c) => c.participants).find((p) => agentKey(p) === f.agent);
      return `Agent: ${agent ? partyName(agent) : (f.agent ?? '')}`;
    }
    case 'size':
      return `Size: ${SIZE_WORD[f.size]}`;
    case 'alert':
      return `Alert: ${f.alert === 'any' ? 'any alert' : f.alert ? ALERT_WORD[f.alert] : ''}`;
    case 'mode':
      return `Mode: ${f.mode ? MODE_WORD[f.mode] : ''}`;
    case 'q':
      return `Search: “${f.q.trim()}”`;
  }
}
