import { randomUUID } from 'node:crypto';
import { ccpSnapshot, contactEvent } from '@/server/test-helpers/raw-builders';
import { emptyBatch, type Batch } from './ingest';
import { agentLegContact, agentSnapshot, secondsAgo, type Agent, type AgentLeg } from './raw';
import { ccpConnection, type Role, type ScriptParty, type When } from './script-party';

export type CallOptions = { queue: string; phone: string; lens?: boolean };

/** The engine's participant keys: `c:<root>`, `a:<leg>`, `x:<leg>`, `s:<leg>`. */
const ID_PREFIX: Record<Role, string> = { customer: 'c', agent: 'a', external: 'x', supervisor: 's' };

/**
 * The raw Amazon Connect traffic of one call, written step by step like a script: each step adds
 * contact events, agent events and CCP snapshots to a batch that `flush()` hands to the poster.
 * Participant ids follow the engine's keys (`c:root`, `a:leg`, `x:leg`, `s:leg`).
 */
export function createCall(options: CallOptions) {
  const root = randomUUID();
  const parties = new Map<string, ScriptParty>();
  let batch = emptyBatch();
  let order = 0;
  // Several events in one step keep their order: each is a millisecond after the one before.
  const time = (when: When) => secondsAgo(when.ago ?? 0) + order++ / 1000;

  const party = (id: string) => {
    const found = parties.get(id);
    if (!found) throw new Error(`no party ${id} in call ${root}`);
    return found;
  };
  const primary = () => party(`a:${root}`);
  const legOf = (p: ScriptParty): AgentLeg => ({
    root,
    contactId: p.leg,
    method: p.method,
    queue: options.queue,
    joinedAt: p.joinedAt,
  });
  const contact = (type: string, s: number, extra: Parameters<typeof contactEvent>[2] = {}) =>
    batch['contact-events'].push(contactEvent(type, s, { root, queue: options.queue, ...extra }));
  const reportAgent = (p: ScriptParty, state: string, s: number) =>
    p.agent && batch['agent-events'].push(agentSnapshot(p.agent, s, [agentLegContact(state, legOf(p), s)]));

  const reportCcp = (subject: ScriptParty, reporter: ScriptParty, s: number) =>
    reporter.agent &&
    batch.ccp.push(
      ccpSnapshot(reporter.agent.username, s, [ccpConnection(subject, reporter)], {
        root,
        contactId: reporter.leg,
      }),
    );

  function addLeg(role: Role, method: string, invitedBy: string, extra: Partial<ScriptParty>, s: number) {
    const leg = randomUUID();
    const previous = party(invitedBy).leg;
    const added: ScriptParty = {
      id: `${ID_PREFIX[role]}:${leg}`,
      role,
      leg,
      method,
      previous,
      state: 'dialing',
      muted: false,
      forcedMute: false,
      joinedAt: s,
      ...extra,
    };
    parties.set(added.id, added);
    contact('INITIATED', s, { contactId: leg, previous, method, phone: added.phone });
    return added;
  }

  function answer(id: string, when: When = {}): void {
    const p = party(id);
    const s = time(when);
    p.state = 'connected';
    p.joinedAt = s;
    const leg = { contactId: p.leg, previous: p.previous, method: p.method };
    if (p.role === 'external') contact('CONNECTED_TO_SYSTEM', s, leg);
    else contact('CONNECTED_TO_AGENT', s, { ...leg, agent: p.agent?.username });
    reportAgent(p, 'CONNECTED', s);
  }

  /** The party leaves: its leg disconnects; the primary agent leaves by its agent event (M5, M7). */
  function leave(id: string, when: When = {}): void {
    const p = party(id);
    const s = time(when);
    p.state = 'disconnected';
    if (p.role === 'customer') return void contact('DISCONNECTED', s, { phone: options.phone });
    if (p.leg !== root)
      contact('DISCONNECTED', s, { contactId: p.leg, previous: p.previous, method: p.method });
    reportAgent(p, 'ENDED', s);
  }

  return {
    root,
    customerId: `c:${root}`,
    primaryId: `a:${root}`,
    party,
    parties: () => [...parties.values()],

    /** The caller rings in (IVR, queue) and `agent` answers: the primary agent (M2, M3). */
    start(agent: Agent, when: When = {}): void {
      const s = time(when);
      contact('INITIATED', s - 25, { phone: options.phone, lens: options.lens ?? false, method: 'INBOUND' });
      contact('QUEUED', s - 15, { phone: options.phone });
      contact('CONNECTED_TO_AGENT', s, { phone: options.phone, agent: agent.username });
      const customer: ScriptParty = {
        id: `c:${root}`,
        role: 'customer',
        leg: root,
        method: 'INBOUND',
        phone: options.phone,
        state: 'connected',
        muted: false,
        forcedMute: false,
        joinedAt: s - 25,
      };
      const agentParty: ScriptParty = {
        id: `a:${root}`,
        role: 'agent',
        leg: root,
        method: 'INBOUND',
        agent,
        state: 'connected',
        muted: false,
        forcedMute: false,
        joinedAt: s,
      };
      parties.set(customer.id, customer);
      parties.set(agentParty.id, agentParty);
      reportAgent(agentParty, 'CONNECTED', s);
    },

    /** A TRANSFER leg (M4): dialing, and answered unless `answer: false`. Returns the party id. */
    addAgent(agent: Agent, when: When & { answer?: boolean; invitedBy?: string } = {}): string {
      const p = addLeg('agent', 'TRANSFER', when.invitedBy ?? `a:${root}`, { agent }, time(when));
      if (when.answer !== false) answer(p.id, when);
      return p.id;
    },

    /** An EXTERNAL_OUTBOUND leg (M4): dialing, and answered unless `answer: false`. */
    addExternal(phone: string, when: When & { answer?: boolean; invitedBy?: string } = {}): string {
      const p = addLeg('external', 'EXTERNAL_OUTBOUND', when.invitedBy ?? `a:${root}`, { phone }, time(when));
      if (when.answer !== false) answer(p.id, when);
      return p.id;
    },

    /** A MONITOR leg: a supervisor listening in, never counted (R2). */
    addSupervisor(agent: Agent, when: When = {}): string {
      const p = addLeg('supervisor', 'MONITOR', `a:${root}`, { agent }, time(when));
      answer(p.id, when);
      return p.id;
    },

    answer,

    /**
     * Hold or resume a party. `via: 'agent'` uses the agent event stream (CONNECTED_ONHOLD on the
     * root holds the customer, on a TRANSFER leg that agent, M7); `via: 'ccp'` a CCP report (M8).
     */
    setHold(id: string, held: boolean, when: When & { via?: 'agent' | 'ccp' } = {}): void {
      const p = party(id);
      const s = time(when);
      p.state = held ? 'hold' : 'connected';
      const via = when.via ?? (p.role === 'external' ? 'ccp' : 'agent');
      if (via === 'ccp') return void reportCcp(p, primary(), s);
      const reporter = p.role === 'customer' ? primary() : p;
      reportAgent(reporter, held ? 'CONNECTED_ONHOLD' : 'CONNECTED', s);
    },

    /** A CCP reports `id` muted or unmuted (M8); `forced` as a barging supervisor's force-mute (R18). */
    setMuted(id: string, muted: boolean, when: When & { forced?: boolean; reporter?: string } = {}): void {
      const p = party(id);
      p.muted = muted;
      if (when.forced !== undefined) p.forcedMute = when.forced;
      const reporter = when.reporter ? party(when.reporter) : p.agent && p.role === 'agent' ? p : primary();
      reportCcp(p, reporter, time(when));
    },

    leave,

    /** Everyone still on the call leaves: the conference ends (E1). */
    end(when: When = {}): void {
      for (const p of parties.values())
        if (p.state !== 'disconnected' && p.role !== 'customer') leave(p.id, when);
      leave(`c:${root}`, when);
    },

    /** The raw items written since the last flush. */
    flush(): Batch {
      const written = batch;
      batch = emptyBatch();
      return written;
    },
  };
}

export type CallScript = ReturnType<typeof createCall>;
