/**
 * Raw Amazon Connect items for load: whole conferences to set a board up, and CCP snapshots to move
 * it. Each snapshot's `reportedAt` is the time it is sent, so a pushed conference's `lastEventAt`
 * says when the newest event it carries left the load generator.
 */

const INSTANCE = 'arn:aws:connect:eu-central-1:111122223333:instance/bench-0000-0000-0000-000000000000';
const QUEUES = ['Sales', 'Support', 'Billing', 'Mortgages', 'Claims'];

export const agentArnOf = (n: number) => `${INSTANCE}/agent/bench-agent-${n}`;

/** Teams of agents (hierarchy groups): conference `n`'s primary agent is in team `n % SCOPE_TEAMS`. */
export const SCOPE_TEAMS = 10;
export const teamGroupArnOf = (team: number) => `${INSTANCE}/agent-group/bench-team-${team}`;
const queueArnOf = (name: string) => `${INSTANCE}/queue/${name}`;
const iso = (ms: number) => new Date(ms).toISOString();
const phoneOf = (n: number) => `+4930${String(1_000_000 + n).slice(1)}`;

/** The root contact id of load conference `n` (stable, so a run can address it). */
export const rootIdOf = (run: string, n: number) => `${run}-conf-${n}`;

type Leg = { contactId: string; root: string; previous?: string; method: string };

function contactEvent(type: string, leg: Leg, atMs: number, extra: Record<string, unknown> = {}) {
  const detail: Record<string, unknown> = {
    eventType: type,
    contactId: leg.contactId,
    channel: 'VOICE',
    instanceArn: INSTANCE,
    initiationMethod: leg.method,
    initiationTimestamp: iso(atMs),
    ...extra,
  };
  if (leg.contactId !== leg.root) detail.initialContactId = leg.root;
  if (leg.previous) detail.previousContactId = leg.previous;
  return {
    version: '0',
    id: `${leg.contactId}-${type}`,
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: '111122223333',
    time: iso(atMs),
    region: 'eu-central-1',
    resources: [`${INSTANCE}/contact/${leg.contactId}`],
    detail,
  };
}

const lens = (enabled: boolean) => ({
  contactLens: { conversationalAnalytics: { configuration: { enabled } } },
});

/**
 * The contact events of one live conference with `contacts` legs (1–5): the customer's root leg
 * answered by a primary agent, then alternately a transferred agent and an external number, all
 * connected. Every fourth conference has Contact Lens on its root leg, as real centres mix it.
 */
export function buildConference(run: string, n: number, contacts: number, atMs: number): unknown[] {
  const root = rootIdOf(run, n);
  const queue = QUEUES[n % QUEUES.length]!;
  const rootLeg: Leg = { contactId: root, root, method: 'INBOUND' };
  const agent = (k: number) => agentArnOf(n * 5 + k);
  const events: unknown[] = [
    contactEvent('INITIATED', rootLeg, atMs, {
      customerEndpoint: { type: 'TELEPHONE_NUMBER', address: phoneOf(n) },
      ...(n % 4 === 0 ? lens(true) : {}),
    }),
    contactEvent('QUEUED', rootLeg, atMs + 1, {
      queueInfo: { queueArn: queueArnOf(queue), name: queue, enqueueTimestamp: iso(atMs + 1) },
    }),
    contactEvent('CONNECTED_TO_AGENT', rootLeg, atMs + 2, {
      queueInfo: { queueArn: queueArnOf(queue), name: queue, enqueueTimestamp: iso(atMs + 1) },
      agentInfo: {
        agentArn: agent(0),
        connectedToAgentTimestamp: iso(atMs + 2),
        hierarchyGroups: { level1: { arn: teamGroupArnOf(n % SCOPE_TEAMS) } },
      },
    }),
  ];
  for (let k = 1; k < contacts; k++) {
    const at = atMs + 10 * k;
    const external = k % 2 === 0;
    const leg: Leg = {
      contactId: `${root}-leg-${k}`,
      root,
      previous: root,
      method: external ? 'EXTERNAL_OUTBOUND' : 'TRANSFER',
    };
    events.push(
      contactEvent('INITIATED', leg, at, external ? { customerEndpoint: { address: phoneOf(n + k) } } : {}),
      external
        ? contactEvent('CONNECTED_TO_SYSTEM', leg, at + 1, { connectedToSystemTimestamp: iso(at + 1) })
        : contactEvent('CONNECTED_TO_AGENT', leg, at + 1, {
            agentInfo: { agentArn: agent(k), connectedToAgentTimestamp: iso(at + 1) },
          }),
    );
  }
  return events;
}

/**
 * An orphan leg (O4): a transferred leg of call `n` whose root's events never arrive, so it waits
 * in the engine for its root until ORPHAN_TTL_SECONDS.
 */
export function buildOrphanLeg(run: string, n: number, atMs: number): unknown {
  const root = `${run}-orphan-root-${n}`;
  return contactEvent(
    'INITIATED',
    { contactId: `${root}-leg`, root, previous: root, method: 'TRANSFER' },
    atMs,
  );
}

/**
 * What conference `n`'s primary agent's CCP reports at `atMs`: itself and the customer connected,
 * the customer muted or not. A new `reportedAt` makes it a new event even when nothing else changed.
 */
export function buildCcpSnapshot(run: string, n: number, atMs: number, customerMuted = false) {
  const root = rootIdOf(run, n);
  return {
    reportedAt: iso(atMs),
    agentArn: agentArnOf(n * 5),
    contactId: root,
    initialContactId: root,
    connections: [
      { connectionId: `${root}-self`, kind: 'self', state: 'connected', muted: false },
      { connectionId: `${root}-customer`, kind: 'customer', state: 'connected', muted: customerMuted },
    ],
  };
}
