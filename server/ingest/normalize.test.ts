import { describe, expect, test } from 'vitest';
import {
  agentContact,
  agentEvent,
  ccpSnapshot,
  contactEvent,
  pascalDetail,
  T0,
} from '@/server/test-helpers/raw-builders';
import { normalizeAgentEvent as agentNormalizer } from './normalize-agent-event';
import { normalizeCcpSnapshot as ccpNormalizer } from './normalize-ccp-snapshot';
import { normalizeContactEvent as contactNormalizer } from './normalize-contact-event';
import { createNormalizeContext } from './normalize-context';

const sec = (s: number) => T0 + s * 1000;
/** The builders' items arrive at T0, with the default window. */
const AT_T0 = createNormalizeContext(T0);
const normalizeContactEvent = (raw: unknown) => contactNormalizer(raw, AT_T0);
const normalizeAgentEvent = (raw: unknown) => agentNormalizer(raw, AT_T0);
const normalizeCcpSnapshot = (raw: unknown) => ccpNormalizer(raw, AT_T0);

describe('contact events', () => {
  test('M1 a child event names its root through initialContactId; the root names itself', () => {
    const child = normalizeContactEvent(
      contactEvent('INITIATED', 5, { contactId: 'leg-2', previous: 'root-1' }),
    );
    expect(child).toMatchObject({
      kind: 'event',
      event: { contactId: 'leg-2', rootId: 'root-1', previousContactId: 'root-1', method: 'TRANSFER' },
    });
    const root = normalizeContactEvent(contactEvent('INITIATED', 0));
    expect(root).toMatchObject({ kind: 'event', event: { contactId: 'root-1', rootId: 'root-1' } });
  });

  test('O2 each event type carries the timestamp that belongs to it', () => {
    const base = contactEvent('QUEUED', 7);
    const queued = normalizeContactEvent({ ...base, time: new Date(sec(99)).toISOString() });
    expect(queued).toMatchObject({ event: { at: sec(7) } });
    const connected = normalizeContactEvent(contactEvent('CONNECTED_TO_AGENT', 12, { agent: 'alice' }));
    expect(connected).toMatchObject({
      event: { at: sec(12), agentArn: expect.stringContaining('agent/alice') },
    });
    const completed = normalizeContactEvent(contactEvent('COMPLETED', 40));
    expect(completed).toMatchObject({ event: { at: sec(40), type: 'COMPLETED' } });
  });

  test('M6 the Contact Lens flag is read from contactLens.conversationalAnalytics.configuration.enabled', () => {
    expect(normalizeContactEvent(contactEvent('INITIATED', 0, { lens: true }))).toMatchObject({
      event: { contactLens: true },
    });
    expect(normalizeContactEvent(contactEvent('INITIATED', 0, { lens: false }))).toMatchObject({
      event: { contactLens: false },
    });
    const none = normalizeContactEvent(contactEvent('INITIATED', 0));
    expect(none.kind === 'event' && 'contactLens' in none.event).toBe(false);
  });

  test('PascalCase keys in detail are read like camelCase ones', () => {
    const camel = normalizeContactEvent(
      contactEvent('CONNECTED_TO_AGENT', 3, { id: 'same', agent: 'bob', lens: true, phone: '+4930123' }),
    );
    const pascal = normalizeContactEvent(
      pascalDetail(
        contactEvent('CONNECTED_TO_AGENT', 3, { id: 'same', agent: 'bob', lens: true, phone: '+4930123' }),
      ),
    );
    expect(pascal).toEqual(camel);
  });

  test('other channels are accepted and ignored', () => {
    expect(normalizeContactEvent(contactEvent('INITIATED', 0, { channel: 'CHAT' }))).toEqual({
      kind: 'ignored',
      reason: 'channel CHAT',
    });
  });

  test('unknown event types and initiation methods are tolerated', () => {
    const event = normalizeContactEvent(contactEvent('AMD_DISABLED', 0, { method: 'AGENT_REPLY' }));
    expect(event).toMatchObject({ kind: 'event', event: { type: 'OTHER', method: 'OTHER' } });
  });

  test('O1 another detail-type is rejected with a reason', () => {
    const wrong = { ...contactEvent('INITIATED', 0), 'detail-type': 'Amazon Connect Agent Event' };
    expect(normalizeContactEvent(wrong)).toEqual({
      kind: 'rejected',
      reason: 'detail-type "Amazon Connect Agent Event" is not "Amazon Connect Contact Event"',
    });
  });

  test('O5 a malformed item is rejected with the path of what is wrong', () => {
    const noId = { ...contactEvent('INITIATED', 0), id: undefined };
    expect(normalizeContactEvent(noId)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('id'),
    });
    const badTime = contactEvent('INITIATED', 0);
    (badTime.detail as Record<string, unknown>).initiationTimestamp = 'last tuesday';
    expect(normalizeContactEvent(badTime)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('detail.initiationTimestamp'),
    });
    expect(normalizeContactEvent('hello')).toMatchObject({ kind: 'rejected' });
    expect(normalizeContactEvent(null)).toMatchObject({ kind: 'rejected' });
  });
});

describe('agent events', () => {
  test("M7 a record becomes a snapshot of the agent's voice contacts with names", () => {
    const raw = agentEvent('alice', 9, [
      agentContact('CONNECTED_ONHOLD'),
      agentContact('CONNECTED', { contactId: 'chat-1', channel: 'CHAT' }),
    ]);
    expect(normalizeAgentEvent(raw)).toEqual({
      kind: 'event',
      event: {
        source: 'agent',
        eventId: raw.EventId,
        at: sec(9),
        agentArn: raw.AgentARN,
        name: { first: 'Alice', last: 'Smith', username: 'alice' },
        contacts: [
          {
            contactId: 'root-1',
            rootId: 'root-1',
            state: 'CONNECTED_ONHOLD',
            method: 'INBOUND',
            stateStartAt: T0,
            connectedAt: T0,
            queue: { arn: expect.stringContaining('queue/Sales'), name: 'Sales' },
          },
        ],
      },
    });
  });

  test('O5 an unknown contact state is rejected, naming the contact', () => {
    const raw = agentEvent('alice', 1, [agentContact('DANCING')]);
    expect(normalizeAgentEvent(raw)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('Contacts.0.State'),
    });
  });

  test('a logout or heartbeat without contacts is an empty snapshot', () => {
    const raw = { ...agentEvent('alice', 1, []), EventType: 'LOGOUT', CurrentAgentSnapshot: null };
    expect(normalizeAgentEvent(raw)).toMatchObject({ kind: 'event', event: { contacts: [] } });
  });
});

describe('CCP snapshots', () => {
  test('M8 connections keep their kind, state, mute and identity', () => {
    const raw = ccpSnapshot('alice', 4, [
      { kind: 'self', state: 'connected', muted: true },
      { kind: 'external', state: 'hold', phoneNumber: '+4930555' },
    ]);
    expect(normalizeCcpSnapshot(raw)).toMatchObject({
      kind: 'event',
      event: {
        source: 'ccp',
        at: sec(4),
        rootId: 'root-1',
        connections: [
          { kind: 'self', state: 'connected', muted: true, forcedMute: false },
          { kind: 'external', state: 'hold', phoneNumber: '+4930555' },
        ],
      },
    });
  });

  test('O1 the same reporter, time and connections give the same id; a change gives another', () => {
    const a = normalizeCcpSnapshot(ccpSnapshot('alice', 4, [{ kind: 'customer', state: 'hold' }]));
    const b = normalizeCcpSnapshot(ccpSnapshot('alice', 4, [{ kind: 'customer', state: 'hold' }]));
    const c = normalizeCcpSnapshot(ccpSnapshot('alice', 4, [{ kind: 'customer', state: 'connected' }]));
    const id = (n: typeof a) => (n.kind === 'event' ? n.event.eventId : '');
    expect(id(a)).toBe(id(b));
    expect(id(a)).not.toBe(id(c));
  });

  test('O5 an unknown connection kind is rejected with its path', () => {
    const raw = ccpSnapshot('alice', 4, [{ kind: 'customer', state: 'hold' }]);
    (raw.connections[0] as Record<string, unknown>).kind = 'robot';
    expect(normalizeCcpSnapshot(raw)).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('connections.0.kind'),
    });
  });
});
