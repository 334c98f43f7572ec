/** What a call script knows of each party, and how a CCP describes it (M8). */
import type { Agent } from './raw';

export type Role = 'customer' | 'agent' | 'external' | 'supervisor';
export type State = 'dialing' | 'connected' | 'hold' | 'disconnected';

/** What the script knows of a party, to write consistent agent and CCP reports about it. */
export type ScriptParty = {
  id: string;
  role: Role;
  leg: string;
  method: string;
  agent?: Agent;
  phone?: string;
  state: State;
  muted: boolean;
  forcedMute: boolean;
  joinedAt: number;
  /** The leg that invited this one (R28). */
  previous?: string;
};

/** `ago`: how many seconds before now a step happened (steps of one call must move forward). */
export type When = { ago?: number };

const CCP_STATE: Record<State, 'connecting' | 'connected' | 'hold' | 'disconnected'> = {
  dialing: 'connecting',
  connected: 'connected',
  hold: 'hold',
  disconnected: 'disconnected',
};

/** `party` as the CCP of `reporter` lists it: `self` for the reporter's own connection. */
export function ccpConnection(p: ScriptParty, reporter: ScriptParty) {
  const base = {
    state: CCP_STATE[p.state],
    muted: p.muted,
    forcedMute: p.forcedMute,
    connectionId: `conn-${p.id}`,
  };
  if (p === reporter) return { ...base, kind: 'self' as const };
  if (p.role === 'customer') return { ...base, kind: 'customer' as const };
  if (p.role === 'external') return { ...base, kind: 'external' as const, phoneNumber: p.phone ?? '' };
  return { ...base, kind: p.role, agentArn: p.agent?.arn ?? '', name: p.agent?.name ?? '' };
}
