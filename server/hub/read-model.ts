import {
  conferenceStartedAt,
  inScope as matchesScope,
  scopeKeysOf,
  scopeKeysOfModel,
  type ScopeKeys,
  listedRecord,
  liveRecords,
  toConferenceCore,
  toConferenceView,
  type ConferenceModel,
  type ConferenceView,
} from '@/lib/conference';
import { toConferenceSummary, type ConferenceSummary } from '@/lib/realtime';
import type { Store } from '@/server/store';
import type { LiveState } from './live-state';
import type { Scope } from './scope';

export type ListOptions = {
  scope: Scope;
  includeEnded: boolean;
  /** Only conferences that sort after this one (the last of the previous page). */
  after?: { startedAt: number; id: string } | undefined;
  limit: number;
};

/**
 * One page: its views are built as they are read (a large page never blocks the event loop for
 * all of them at once), and one whose view cannot be built is left out of the page.
 */
export type ListPage = { views: Iterable<ConferenceView>; next: { startedAt: number; id: string } | null };

export type ReadModel = {
  /** A board card, or undefined when the conference is not on the board. */
  summary(id: string): ConferenceSummary | undefined;
  /** The full live view, or undefined when the conference is not on the board. */
  liveView(id: string): ConferenceView | undefined;
  /** A live conference in the caller's scope, else its history record in scope, else null. */
  conference(id: string, scope: Scope): Promise<ConferenceView | null>;
  /** Live conferences in scope, oldest first, one page at a time. */
  list(options: ListOptions): ListPage;
  inScope(id: string, scope: Scope): boolean;
};

/**
 * The only thing routes and sockets read: live conferences from the engine and ended ones from
 * history, always through the caller's scope. Building a view is contained: a conference whose
 * view cannot be built is reported to `onFault` (it is then taken off the board) and reads as
 * absent, so one bad conference never fails a whole list.
 */
export function createReadModel(deps: {
  state: LiveState;
  store: Pick<Store, 'getHistory'>;
  longHoldMs: number;
  clockNow: () => number;
  onFault: (id: string, stage: string, error: unknown) => void;
}): ReadModel {
  const { state } = deps;
  const keyCache = new Map<string, { revision: number; keys: ScopeKeys }>();

  function record(id: string) {
    if (state.attention.has(id)) return undefined;
    return listedRecord(state.engine, id);
  }

  function contained<T>(id: string, stage: string, build: () => T): T | undefined {
    try {
      return build();
    } catch (error) {
      deps.onFault(id, stage, error);
      return undefined;
    }
  }

  function keysOf(id: string, model: ConferenceModel): ScopeKeys {
    const cached = keyCache.get(id);
    if (cached && cached.revision === model.revision) return cached.keys;
    const keys = scopeKeysOfModel(model);
    keyCache.set(id, { revision: model.revision, keys });
    return keys;
  }

  function inScope(id: string, scope: Scope): boolean {
    if (scope === 'all') return true;
    const model = record(id)?.model;
    return model !== undefined && matchesScope(keysOf(id, model), scope);
  }

  function liveView(id: string): ConferenceView | undefined {
    const found = record(id);
    return (
      found && contained(id, 'view', () => toConferenceView(found.model, deps.longHoldMs, deps.clockNow()))
    );
  }

  return {
    summary(id) {
      const found = record(id);
      if (!found) {
        keyCache.delete(id);
        return undefined;
      }
      return contained(id, 'summary', () =>
        toConferenceSummary(toConferenceCore(found.model, deps.longHoldMs, deps.clockNow())),
      );
    },
    liveView,
    async conference(id, scope) {
      if (record(id)) return inScope(id, scope) ? (liveView(id) ?? null) : null;
      const stored = await deps.store.getHistory(id);
      return stored && (scope === 'all' || matchesScope(scopeKeysOf(stored), scope)) ? stored : null;
    },
    list({ scope, includeEnded, after, limit }) {
      const rows: { id: string; startedAt: number }[] = [];
      for (const { id } of liveRecords(state.engine)) {
        const model = record(id)?.model;
        if (!model || (!includeEnded && model.endedAt !== undefined)) continue;
        if (scope !== 'all' && !matchesScope(keysOf(id, model), scope)) continue;
        const startedAt = conferenceStartedAt(model);
        if (after && (startedAt < after.startedAt || (startedAt === after.startedAt && id <= after.id)))
          continue;
        rows.push({ id, startedAt });
      }
      rows.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = rows.slice(0, limit);
      function* views() {
        for (const row of page) {
          const view = liveView(row.id);
          if (view) yield view;
        }
      }
      return { views: views(), next: rows.length > limit ? page[page.length - 1]! : null };
    },
    inScope,
  };
}
