import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { agentArn, contactEvent } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';
import { startCcpRelay } from './start-ccp-relay';
import { connectDouble, connectionDouble, contactDouble } from './test-helpers/streams-double';
import { toCcpSnapshot } from './to-ccp-snapshot';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar();
});
afterAll(() => sidecar.stop());

const self = connectionDouble({ id: 'c-self', type: 'agent', state: 'connected' });
const caller = connectionDouble({
  id: 'c-cust',
  type: 'inbound',
  state: 'hold',
  initial: true,
  endpoint: { phoneNumber: '+4930999' },
});
const broker = connectionDouble({
  id: 'c-ext',
  type: 'outbound',
  state: 'connected',
  endpoint: { type: 'phone_number', phoneNumber: '+4930111' },
  muted: true,
});
const colleague = connectionDouble({
  id: 'c-agt',
  type: 'outbound',
  state: 'connecting',
  endpoint: { type: 'agent' },
  quickConnect: 'Mortgage desk',
});
const monitor = connectionDouble({ id: 'c-mon', type: 'monitoring', state: 'barge', barge: true });

describe("the CCP relay (runs in the agent's custom CCP)", () => {
  test('M8 maps a Streams contact to the relay format: self, customer, external, agent, supervisor', () => {
    const contact = contactDouble('leg-1', 'root-1', [self, caller, broker, colleague, monitor]);
    expect(toCcpSnapshot(contact, 'arn:agent/alice', new Date('2026-11-23T10:00:00Z'))).toEqual({
      reportedAt: '2026-11-23T10:00:00.000Z',
      agentArn: 'arn:agent/alice',
      contactId: 'leg-1',
      initialContactId: 'root-1',
      connections: [
        { connectionId: 'c-self', kind: 'self', state: 'connected', muted: false, forcedMute: false },
        {
          connectionId: 'c-cust',
          kind: 'customer',
          state: 'hold',
          muted: false,
          forcedMute: false,
          phoneNumber: '+4930999',
        },
        {
          connectionId: 'c-ext',
          kind: 'external',
          state: 'connected',
          muted: true,
          forcedMute: false,
          phoneNumber: '+4930111',
        },
        {
          connectionId: 'c-agt',
          kind: 'agent',
          state: 'connecting',
          muted: false,
          forcedMute: false,
          name: 'Mortgage desk',
        },
        {
          connectionId: 'c-mon',
          kind: 'supervisor',
          state: 'connected',
          muted: false,
          forcedMute: false,
          monitorMode: 'barge',
        },
      ],
    });
  });

  test('M8 posts each changed view to a real sidecar, which shows the hold and mute', async () => {
    await sidecar.post('contact-events', [
      contactEvent('INITIATED', 0, { root: 'relay-1' }),
      contactEvent('CONNECTED_TO_AGENT', 1, { root: 'relay-1', agent: 'alice' }),
    ]);
    const connect = connectDouble(agentArn('alice'));
    const errors: unknown[] = [];
    const relay = startCcpRelay({
      connect,
      endpoint: `${sidecar.url}/ingest/ccp`,
      token: TOKEN,
      onError: (e) => errors.push(e),
    });
    const contact = contactDouble('relay-1', 'relay-1', [
      self,
      connectionDouble({ id: 'cu', type: 'inbound', state: 'hold', initial: true }),
    ]);
    connect.newContact(contact);
    contact.refresh();
    contact.refresh(); // unchanged: not posted again
    await relay.flush();
    expect(errors).toEqual([]);
    const view = (await sidecar.get('/api/conferences/relay-1')).body;
    expect(view.participants.find((p: any) => p.role === 'customer').state).toBe('hold');
    const metrics = (await sidecar.get('/metrics')).body as string;
    expect(metrics).toMatch(/outcome="accepted",source="ccp"\} 1\n/);
  });

  test('a refused post is reported, not thrown', async () => {
    const connect = connectDouble(agentArn('bob'));
    const errors: unknown[] = [];
    const relay = startCcpRelay({
      connect,
      endpoint: `${sidecar.url}/ingest/ccp`,
      token: 'wrong-token-wrong',
      onError: (e) => errors.push(e),
    });
    const contact = contactDouble('relay-2', 'relay-2', [self]);
    connect.newContact(contact);
    contact.refresh();
    await relay.flush();
    expect(String(errors[0])).toContain('401');
  });
});
