import type { Party } from './permissions';
import type { ConferenceMode } from './types';

type Named = Party & { name: string | null };

/**
 * R7: which other parties an agent's CCP shows. Multi-party: every connection. Three-party: the
 * primary agent sees the caller and the other party; a secondary agent sees only the connection
 * that transferred it. Silent monitors are shown to nobody.
 */
export function visibleParties<P extends Party>(
  mode: ConferenceMode,
  viewer: Party,
  parties: readonly P[],
): P[] {
  const others = parties.filter(
    (p) =>
      p.id !== viewer.id &&
      p.state !== 'disconnected' &&
      !(p.role === 'supervisor' && p.monitorMode !== 'barge'),
  );
  if (mode === 'multi-party' || viewer.primary) return others;
  return others.filter((p) => p.id === viewer.addedBy);
}

/** R16: the name an agent sees for another agent: its quick-connect name, or "internal transfer". */
export function shownName(mode: ConferenceMode, party: Named): string {
  if (party.role === 'agent' && mode === 'three-party') return 'Internal transfer';
  return party.name ?? (party.role === 'customer' ? 'Caller' : 'Unknown');
}
