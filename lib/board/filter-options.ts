import type { ConferenceSummary } from '@/lib/realtime';
import type { BoardFilters } from './filters';
import { agentKey, queueKey } from './filters';
import { arnTail, queueLabel } from './labels';
import { partyName } from './party';

export type FilterOption = { value: string; label: string };

export type FilterOptions = { queues: FilterOption[]; agents: FilterOption[] };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const byLabel = (a: FilterOption, b: FilterOption) =>
  collator.compare(a.label, b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** The sorted list for `entries`, or `previous` itself when it lists exactly the same options. */
function toOptions(entries: Map<string, string>, previous: FilterOption[] | undefined): FilterOption[] {
  if (previous && previous.length === entries.size && previous.every((o) => entries.get(o.value) === o.label))
    return previous;
  return [...entries].map(([value, label]) => ({ value, label })).sort(byLabel);
}

/**
 * The queues and agents on the live board, for the Queue and Agent selects. A value chosen in the
 * URL that no live call has (the agent went home) stays listed, so the select still shows it.
 * Given the `previous` options, a list whose entries did not change is returned as it was (no
 * re-sort of a thousand agents, and no redraw of the select) on every patch.
 */
export function deriveFilterOptions(
  list: readonly ConferenceSummary[],
  filters: BoardFilters,
  previous?: FilterOptions,
): FilterOptions {
  const queues = new Map<string, string>();
  const agents = new Map<string, string>();
  for (const c of list) {
    if (c.queue) queues.set(queueKey(c.queue), queueLabel(c.queue));
    for (const p of c.participants) {
      if (p.role !== 'agent' || p.ccpOnly || p.state === 'disconnected') continue;
      const key = agentKey(p);
      if (key && (!agents.has(key) || p.name)) agents.set(key, partyName(p));
    }
  }
  if (filters.queue && !queues.has(filters.queue))
    queues.set(
      filters.queue,
      `${filters.queue.startsWith('arn:') ? `Queue ${arnTail(filters.queue)}` : filters.queue} (no live call)`,
    );
  if (filters.agent && !agents.has(filters.agent))
    agents.set(
      filters.agent,
      `${filters.agent.startsWith('name:') ? filters.agent.slice(5) : `Agent ${arnTail(filters.agent)}`} (not on a call)`,
    );
  const next = { queues: toOptions(queues, previous?.queues), agents: toOptions(agents, previous?.agents) };
  return previous && next.queues === previous.queues && next.agents === previous.agents ? previous : next;
}

/** `deriveFilterOptions` that remembers its last answer, for a page that asks on every patch. */
export function memoizeFilterOptions(): (
  list: readonly ConferenceSummary[],
  filters: BoardFilters,
) => FilterOptions {
  let previous: FilterOptions | undefined;
  return (list, filters) => (previous = deriveFilterOptions(list, filters, previous));
}
