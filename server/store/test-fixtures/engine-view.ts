import {
  applyEvent,
  conferenceView,
  createEngine,
  type ConferenceView,
  type ContactEvent,
} from '@/lib/conference';
import { BUILDER_EPOCH as T0 } from './event-builders';

const S = 1_000;
const AGENT_1 = 'arn:aws:connect:eu-central-1:1:instance/i/agent/a1';
const AGENT_2 = 'arn:aws:connect:eu-central-1:1:instance/i/agent/a2';

function contact(
  eventId: string,
  at: number,
  fields: Omit<ContactEvent, 'source' | 'eventId' | 'at' | 'rootId'>,
): ContactEvent {
  return { source: 'contact', eventId, at, rootId: 'root-1', ...fields };
}

/**
 * A conference folded by the real engine: caller, primary agent, an added agent and an external
 * party, Contact Lens on two legs (raising A2), a held caller seen by a CCP, then everyone gone.
 */
export function buildEngineView(): ConferenceView {
  const queue = { arn: 'arn:aws:connect:eu-central-1:1:instance/i/queue/q1', name: 'Support' };
  const events: ContactEvent[] = [
    contact('e1', T0, {
      type: 'INITIATED',
      contactId: 'root-1',
      method: 'INBOUND',
      contactLens: true,
      phoneNumber: '+4930111',
    }),
    contact('e2', T0 + 10 * S, { type: 'QUEUED', contactId: 'root-1', queue }),
    contact('e3', T0 + 20 * S, { type: 'CONNECTED_TO_AGENT', contactId: 'root-1', agentArn: AGENT_1, queue }),
    contact('e4', T0 + 30 * S, {
      type: 'INITIATED',
      contactId: 'leg-2',
      previousContactId: 'root-1',
      method: 'TRANSFER',
      contactLens: true,
    }),
    contact('e5', T0 + 40 * S, { type: 'CONNECTED_TO_AGENT', contactId: 'leg-2', agentArn: AGENT_2 }),
    contact('e6', T0 + 50 * S, {
      type: 'INITIATED',
      contactId: 'leg-3',
      previousContactId: 'leg-2',
      method: 'EXTERNAL_OUTBOUND',
      phoneNumber: '+4930222',
    }),
    contact('e7', T0 + 55 * S, { type: 'CONNECTED_TO_SYSTEM', contactId: 'leg-3' }),
    contact('e8', T0 + 200 * S, { type: 'DISCONNECTED', contactId: 'leg-3' }),
    contact('e9', T0 + 210 * S, { type: 'DISCONNECTED', contactId: 'leg-2' }),
    contact('e10', T0 + 220 * S, { type: 'DISCONNECTED', contactId: 'root-1' }),
    contact('e11', T0 + 240 * S, { type: 'COMPLETED', contactId: 'root-1', acwStartAt: T0 + 220 * S }),
  ];
  const engine = createEngine();
  for (const event of events) applyEvent(engine, event, event.at);
  applyEvent(
    engine,
    {
      source: 'ccp',
      eventId: 'p1',
      at: T0 + 60 * S,
      agentArn: AGENT_1,
      contactId: 'root-1',
      rootId: 'root-1',
      connections: [
        { connectionId: 'k0', kind: 'self', state: 'connected', muted: false },
        { connectionId: 'k1', kind: 'customer', state: 'hold', muted: false },
      ],
    },
    T0 + 60 * S,
  );
  return conferenceView(engine, 'root-1', T0 + 300 * S)!;
}
