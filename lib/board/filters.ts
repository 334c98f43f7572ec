import type { AlertKind, ConferenceMode } from '@/lib/conference';
import type { ConferenceSummary } from '@/lib/realtime';
import { ALERT_WORD, MODE_WORD, queueLabel } from './labels';
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

/** The board's filters; null means "not filtered by this". They live in the URL query string. */
export type BoardFilters = {
  queue: string | null;
  agent: string | null;
  size: SizeFilter;
  alert: AlertFilter | null;
  mode: ConferenceMode | null;
  /** As typed (the input shows it back); matching ignores surrounding spaces. */
  q: string;
};

/** A wallboard shows conferences, not plain two-party calls, unless asked to. */
export const DEFAULT_FILTERS: BoardFilters = {
  queue: null,
  agent: null,
  size: '3-plus',
  alert: null,
  mode: null,
  q: '',
};

const ALERT_KINDS = Object.keys(ALERT_WORD) as AlertKind[];

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
    mode: oneOf<ConferenceMode>(['multi-party', 'three-party'], params.get('mode')),
    q: params.get('q') ?? '',
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
  return params.toString();
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
function activeTests(f: BoardFilters): { key: keyof BoardFilters; test: Test }[] {
  const tests: { key: keyof BoardFilters; test: Test }[] = [];
  if (f.queue) tests.push({ key: 'queue', test: (c) => c.queue?.arn === f.queue });
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

export type HiddenBy = { key: keyof BoardFilters; label: string; hidden: number };

/** For the empty state: each filter that is set, and how many conferences it alone hides. */
export function describeHidden(list: readonly ConferenceSummary[], filters: BoardFilters): HiddenBy[] {
  return activeTests(filters).map(({ key, test }) => ({
    key,
    label: filterLabel(key, filters, list),
    hidden: list.reduce((n, c) => (test(c) ? n : n + 1), 0),
  }));
}

function filterLabel(key: keyof BoardFilters, f: BoardFilters, list: readonly ConferenceSummary[]): string {
  switch (key) {
    case 'queue': {
      const queue = list.find((c) => c.queue?.arn === f.queue)?.queue ?? { arn: f.queue ?? '', name: null };
      return `Queue: ${queueLabel(queue)}`;
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
