import type { ConferenceMode, DomainEvent } from '@/lib/conference';
import { agentArn, agentContact, agentEvent, contactEvent, T0 } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';
import { startConnectReconciler, type ConnectReconciler } from '../reconciler';
import { startFakeConnect, type FakeConnect } from './fake-connect';

export const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
/** The sidecar time reconciled facts are stamped with: after every raw event the tests post. */
export const NOW = T0 + 600_000;

/** Tests that need the sidecar time to move between rounds shift it here. */
export const clockShift = { ms: 0 };

export type Harness = {
  sidecar: TestSidecar;
  fake: FakeConnect;
  reconciler: ConnectReconciler;
  /** Every domain event the reconciler handed to the hub. */
  ingested: DomainEvent[];
  logs: string[];
  /** A conference as the sidecar serves it (live, else history). */
  view(rootId: string): Promise<any>;
  stop(): Promise<void>;
};

/**
 * A real sidecar, a fake Amazon Connect and a reconciler between them that only runs when a test
 * says so (its own timer is set far beyond any test). Resolves once the start-up mode check is done.
 */
export async function startHarness(
  options: { expectedMode?: ConferenceMode; quietMs?: number; multiParty?: boolean } = {},
): Promise<Harness> {
  const sidecar = await startTestSidecar();
  const fake = await startFakeConnect(INSTANCE_ID);
  fake.state.attributes.set('MULTI_PARTY_CONFERENCE', String(options.multiParty ?? true));
  const ingested: DomainEvent[] = [];
  const logs: string[] = [];
  const reconciler = startConnectReconciler({
    hub: {
      targets: (quietMs) => sidecar.hub.reconciliation.targets(quietMs),
      ingestEvents: (source, events) => {
        ingested.push(...events);
        return sidecar.hub.ingest.ingestEvents(source, events);
      },
    },
    instanceId: INSTANCE_ID,
    region: 'eu-central-1',
    endpoint: fake.endpoint,
    credentials: { accessKeyId: 'AKIDFAKECONNECT', secretAccessKey: 'fake-secret' },
    intervalMs: 3_600_000,
    quietMs: options.quietMs ?? 3_600_000,
    expectedMode: options.expectedMode ?? 'multi-party',
    now: () => NOW + clockShift.ms,
    log: (message) => logs.push(message),
  });
  await reconciler.checkMode();
  return {
    sidecar,
    fake,
    reconciler,
    ingested,
    logs,
    async view(rootId) {
      const res = await sidecar.get(`/api/conferences/${rootId}`);
      if (res.status !== 200) throw new Error(`no conference ${rootId}: ${res.status}`);
      return res.body;
    },
    async stop() {
      await reconciler.stop();
      await fake.close();
      await sidecar.stop();
    },
  };
}

export type CallSpec = { root: string; agent: string; transferTo?: string };

/**
 * Posts live calls, one batch per stream: the customer on `root` answered by `agent` (whom the agent
 * event stream also saw on it, at second 3), and optionally a second agent on a TRANSFER leg `<root>-t`.
 */
export async function postCalls(sidecar: TestSidecar, calls: CallSpec[]): Promise<void> {
  const contactEvents = calls.flatMap(({ root, agent, transferTo }) => [
    contactEvent('INITIATED', 0, { root }),
    contactEvent('CONNECTED_TO_AGENT', 2, { root, agent }),
    ...(transferTo
      ? [
          contactEvent('INITIATED', 5, { root, contactId: `${root}-t` }),
          contactEvent('CONNECTED_TO_AGENT', 7, { root, contactId: `${root}-t`, agent: transferTo }),
        ]
      : []),
  ]);
  const agentEvents = calls.map(({ root, agent }) =>
    agentEvent(agent, 3, [agentContact('CONNECTED', { root })]),
  );
  await expectAccepted(sidecar.post('contact-events', contactEvents));
  await expectAccepted(sidecar.post('agent-events', agentEvents));
}

export async function expectAccepted(posted: Promise<{ status: number; body: any }>): Promise<void> {
  const { status, body } = await posted;
  if (status !== 202 || body.rejected.length > 0) throw new Error(`ingest refused: ${JSON.stringify(body)}`);
}

/** The participant on the call that is agent `name`. */
export function partyOf(view: any, name: string): any {
  const party = view.participants.find((p: any) => p.agentArn === agentArn(name));
  if (!party) throw new Error(`no participant ${name} in ${view.id}`);
  return party;
}
