import fc from 'fast-check';
import type { DomainEvent } from '../events';
import { agentContact, agentSnapshot, ccp, connection, contact, group, T0 } from './builders';

/**
 * Generates valid event sets for whole calls, as the three sources would report them, so property
 * tests can shuffle, duplicate and truncate them. A tiny truth model keeps the sources consistent.
 */

const ACTIONS = [
  'addAgent',
  'addExternal',
  'unanswered',
  'hold',
  'resume',
  'mute',
  'agentLeaves',
  'externalLeaves',
  'callerDrops',
  'monitor',
] as const;
type ActionKind = (typeof ACTIONS)[number];
type Action = { kind: ActionKind; pick: number; gapMs: number; lens: boolean };
export type CallScript = { rootId: string; lens: boolean; actions: Action[] };

const actionArb: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom(...ACTIONS),
  pick: fc.nat(10),
  gapMs: fc.integer({ min: 500, max: 30_000 }),
  lens: fc.boolean(),
});

export const callScriptArb = (rootId: string): fc.Arbitrary<CallScript> =>
  fc.record({
    rootId: fc.constant(rootId),
    lens: fc.boolean(),
    actions: fc.array(actionArb, { maxLength: 14 }),
  });

/** The events of two independent calls (`r1`, `r2`), in the order each call's script tells them. */
export const twoCallsArb: fc.Arbitrary<DomainEvent[]> = fc
  .tuple(callScriptArb('r1'), callScriptArb('r2'))
  .map(([a, b]) => [...eventsForCall(a), ...eventsForCall(b)]);

type Party = {
  id: string;
  role: 'customer' | 'agent' | 'external' | 'supervisor';
  leg: string;
  agent?: string;
  phone?: string;
  on: boolean;
  held: boolean;
  muted: boolean;
};

/** An agent's site (level 1) and team (level 2), fixed by its name, as an instance's hierarchy would be. */
export function groupsOf(agent: string) {
  let h = 0;
  for (let i = 0; i < agent.length; i++) h = (h * 31 + agent.charCodeAt(i)) >>> 0;
  return [group(1, h % 2 === 0 ? 'Berlin' : 'Lisbon'), group(2, ['North', 'South', 'East'][h % 3]!)];
}

export function eventsForCall(script: CallScript): DomainEvent[] {
  const { rootId } = script;
  const events: DomainEvent[] = [];
  let t = T0 + 1_000;
  const ids = { n: 0 };
  const next = (p: string) => `${rootId}-${p}${++ids.n}`;
  const primaryName = `${rootId}-alice`;
  const parties: Party[] = [
    { id: 'customer', role: 'customer', leg: rootId, on: true, held: false, muted: false },
    { id: 'primary', role: 'agent', leg: rootId, agent: primaryName, on: true, held: false, muted: false },
  ];
  const root = { rootId, contactId: rootId, eventId: next('e') };
  events.push(contact('INITIATED', t, { ...root, method: 'INBOUND', contactLens: script.lens }));
  events.push(
    contact('QUEUED', t + 2_000, {
      rootId,
      contactId: rootId,
      method: 'INBOUND',
      eventId: next('e'),
      queue: 'Sales',
    }),
  );
  t += 5_000;
  events.push(
    contact('CONNECTED_TO_AGENT', t, {
      rootId,
      contactId: rootId,
      method: 'INBOUND',
      agent: primaryName,
      groups: groupsOf(primaryName),
      eventId: next('e'),
    }),
  );
  events.push(
    agentSnapshot(
      primaryName,
      t + 50,
      [agentContact('CONNECTED', { contactId: rootId, rootId })],
      next('a'),
      groupsOf(primaryName),
    ),
  );

  const presentAgents = () => parties.filter((p) => p.role === 'agent' && p.on);
  const reportCcp = (at: number) => {
    const reporter = presentAgents()[0];
    if (!reporter) return;
    const conns = parties
      .filter((p) => p !== reporter && p.role !== 'supervisor')
      .map((p) =>
        connection(
          p.role === 'customer' ? 'customer' : p.role === 'agent' ? 'agent' : 'external',
          !p.on ? 'disconnected' : p.held ? 'hold' : 'connected',
          {
            connectionId: `${reporter.leg}>${p.leg}>${p.id}`,
            muted: p.muted,
            ...(p.agent ? { agent: p.agent } : {}),
            ...(p.phone ? { phoneNumber: p.phone } : {}),
          },
        ),
      );
    conns.push(
      connection('self', 'connected', { connectionId: `${reporter.leg}>self`, muted: reporter.muted }),
    );
    events.push({ ...ccp(reporter.agent!, at, conns, reporter.leg), rootId, eventId: next('p') });
  };

  for (const action of script.actions) {
    // Each action starts after everything the previous one caused, as on a real call.
    t = Math.max(t, ...events.map((e) => e.at)) + action.gapMs;
    const customer = parties[0]!;
    const counted = parties.filter((p) => p.on && p.role !== 'supervisor');
    if (counted.length === 0 || !counted.some((p) => p.role !== 'external')) break;
    switch (action.kind) {
      case 'addAgent': {
        const inviter = presentAgents()[action.pick % Math.max(1, presentAgents().length)];
        if (!inviter) break;
        const legId = next('t');
        const agent = `${rootId}-agent${ids.n}`;
        const base = {
          rootId,
          contactId: legId,
          previousContactId: inviter.leg,
          method: 'TRANSFER' as const,
        };
        events.push(contact('INITIATED', t, { ...base, eventId: next('e'), contactLens: action.lens }));
        events.push(
          agentSnapshot(
            agent,
            t + 100,
            [agentContact('CONNECTING', { contactId: legId, rootId })],
            next('a'),
          ),
        );
        events.push(
          contact('CONNECTED_TO_AGENT', t + 2_000, {
            ...base,
            agent,
            groups: groupsOf(agent),
            eventId: next('e'),
          }),
        );
        events.push(
          agentSnapshot(
            agent,
            t + 2_050,
            [agentContact('CONNECTED', { contactId: legId, rootId })],
            next('a'),
            groupsOf(agent),
          ),
        );
        parties.push({ id: legId, role: 'agent', leg: legId, agent, on: true, held: false, muted: false });
        reportCcp(t + 2_100);
        break;
      }
      case 'addExternal':
      case 'unanswered': {
        const legId = next('x');
        const phone = `+4930${ids.n}`;
        const base = {
          rootId,
          contactId: legId,
          previousContactId: rootId,
          method: 'EXTERNAL_OUTBOUND' as const,
        };
        events.push(contact('INITIATED', t, { ...base, eventId: next('e'), phoneNumber: phone }));
        if (action.kind === 'unanswered') {
          events.push(contact('DISCONNECTED', t + 5_000, { ...base, eventId: next('e') }));
          break;
        }
        events.push(contact('CONNECTED_TO_SYSTEM', t + 3_000, { ...base, eventId: next('e') }));
        parties.push({ id: legId, role: 'external', leg: legId, phone, on: true, held: false, muted: false });
        reportCcp(t + 3_100);
        break;
      }
      case 'hold':
      case 'resume': {
        const primary = parties[1]!;
        if (!primary.on || !customer.on) break;
        customer.held = action.kind === 'hold';
        events.push(
          agentSnapshot(
            primaryName,
            t,
            [agentContact(customer.held ? 'CONNECTED_ONHOLD' : 'CONNECTED', { contactId: rootId, rootId })],
            next('a'),
          ),
        );
        reportCcp(t + 20);
        break;
      }
      case 'mute': {
        const target = counted[action.pick % counted.length]!;
        target.muted = !target.muted;
        reportCcp(t);
        break;
      }
      case 'agentLeaves': {
        const agents = presentAgents();
        const leaver = agents[action.pick % Math.max(1, agents.length)];
        if (!leaver) break;
        leaver.on = false;
        events.push(
          agentSnapshot(
            leaver.agent!,
            t,
            [agentContact('ENDED', { contactId: leaver.leg, rootId })],
            next('a'),
          ),
        );
        if (leaver.leg !== rootId)
          events.push(
            contact('DISCONNECTED', t + 10, {
              rootId,
              contactId: leaver.leg,
              method: 'TRANSFER',
              eventId: next('e'),
            }),
          );
        events.push(agentSnapshot(leaver.agent!, t + 15_000, [], next('a')));
        reportCcp(t + 30);
        break;
      }
      case 'externalLeaves': {
        const ext = parties.find((p) => p.role === 'external' && p.on);
        if (!ext) break;
        ext.on = false;
        events.push(
          contact('DISCONNECTED', t, {
            rootId,
            contactId: ext.leg,
            method: 'EXTERNAL_OUTBOUND',
            eventId: next('e'),
          }),
        );
        reportCcp(t + 30);
        break;
      }
      case 'callerDrops': {
        if (!customer.on) break;
        customer.on = false;
        events.push(
          contact('DISCONNECTED', t, { rootId, contactId: rootId, method: 'INBOUND', eventId: next('e') }),
        );
        reportCcp(t + 30);
        break;
      }
      case 'monitor': {
        const legId = next('m');
        const base = { rootId, contactId: legId, previousContactId: rootId, method: 'MONITOR' as const };
        events.push(contact('INITIATED', t, { ...base, eventId: next('e') }));
        events.push(
          contact('CONNECTED_TO_AGENT', t + 500, {
            ...base,
            agent: `${rootId}-sup${ids.n}`,
            eventId: next('e'),
          }),
        );
        parties.push({ id: legId, role: 'supervisor', leg: legId, on: true, held: false, muted: false });
        break;
      }
    }
  }
  return events;
}

/** A deterministic shuffle driven by a seed, so a failing case can be replayed. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
