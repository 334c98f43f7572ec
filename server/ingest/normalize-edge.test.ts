import { describe, expect, test } from 'vitest';
import { DomainEventSchema, MAX_ID_LENGTH } from '@/lib/conference';
import {
  agentContact,
  agentEvent,
  ccpSnapshot,
  contactEvent,
  pascalDetail,
  T0,
} from '@/server/test-helpers/raw-builders';
import { decodeFirehoseRecord } from './decode-firehose-record';
import { guardNormalizer } from './guard-normalizer';
import { createNormalizeContext } from './normalize-context';
import type { Normalized } from './normalized';
import { NORMALIZERS } from './streams';

const AT_T0 = createNormalizeContext(T0);
const contact = (raw: unknown) => NORMALIZERS['contact-events'](raw, AT_T0);
const agent = (raw: unknown) => NORMALIZERS['agent-events'](raw, AT_T0);
const ccp = (raw: unknown) => NORMALIZERS.ccp(raw, AT_T0);
const rejectedFor = (path: string) => ({ kind: 'rejected', reason: expect.stringContaining(path) });
const detailOf = (event: { detail: Record<string, unknown> }) => event.detail as Record<string, any>;
const arn = (length: number) => `arn:aws:connect:${'x'.repeat(length - 16)}`;
/** The JSON text of `{"k":{"k":…}}` nested `depth` deep, written out without recursion. */
const deepJson = (depth: number) => '{"k":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('times the engine and Date can hold', () => {
  test('O5 an EventTimestamp past the largest date is rejected, naming the field', () => {
    const raw = {
      ...agentEvent('alice', 1, [agentContact('CONNECTED')]),
      EventTimestamp: 8_640_000_000_000_001,
    };
    expect(agent(raw)).toEqual(rejectedFor('EventTimestamp: not epoch milliseconds'));
    const record = agentEvent('alice', 1, [agentContact('CONNECTED')]);
    const contacts = [{ ...agentContact('CONNECTED'), StateStartTimestamp: 8_640_000_000_000_001 }];
    expect(
      agent({ ...record, CurrentAgentSnapshot: { ...record.CurrentAgentSnapshot, Contacts: contacts } }),
    ).toEqual(rejectedFor('CurrentAgentSnapshot.Contacts.0.StateStartTimestamp'));
  });

  test('O5 a date before 1970 is rejected, naming the field', () => {
    const raw = contactEvent('INITIATED', 0);
    detailOf(raw).initiationTimestamp = '1969-12-31T23:59:59Z';
    expect(contact(raw)).toEqual(rejectedFor('detail.initiationTimestamp: before 1970'));
  });

  test('O5 an impossible calendar date is rejected, not rolled over into March', () => {
    const raw = contactEvent('DISCONNECTED', 0);
    detailOf(raw).disconnectTimestamp = '2026-02-30T10:00:00Z';
    expect(contact(raw)).toEqual(rejectedFor('detail.disconnectTimestamp: not an ISO-8601 time'));
    expect(ccp({ ...ccpSnapshot('alice', 0, []), reportedAt: '2026-11-23T24:00:00Z' })).toEqual(
      rejectedFor('reportedAt'),
    );
  });

  test('O5 a time further than the window from the sidecar clock is rejected; a replay clock moves the window', () => {
    const stale = contactEvent('INITIATED', -2 * 86_400);
    expect(contact(stale)).toEqual(rejectedFor('time: 2026-11-21T10:00:00.000Z is more than 24 h before'));
    const replaying = createNormalizeContext(T0 - 2 * 86_400_000);
    expect(NORMALIZERS['contact-events'](stale, replaying).kind).toBe('event');
    const ahead = { ...ccpSnapshot('alice', 0, []), reportedAt: new Date(T0 + 86_400_001).toISOString() };
    expect(ccp(ahead)).toEqual(rejectedFor('reportedAt: 2026-11-24T10:00:00.001Z is more than 24 h after'));
    const seconds = { ...agentEvent('alice', 0, []), EventTimestamp: Math.floor(T0 / 1000) };
    expect(agent(seconds)).toEqual(rejectedFor('EventTimestamp: 1970-01-21'));
  });

  test('O5 a hold duration must be a sane number of seconds', () => {
    const withHold = (seconds: unknown) => {
      const raw = contactEvent('COMPLETED', 0, { agent: 'bob' });
      detailOf(raw).agentInfo.agentInitiatedHoldDuration = seconds;
      return contact(raw);
    };
    expect(withHold(95)).toMatchObject({ kind: 'event', event: { holdDurationSec: 95 } });
    for (const bad of [-1, 1e12, 7 * 86_400 + 1, '95'])
      expect(withHold(bad)).toEqual(rejectedFor('detail.agentInfo.agentInitiatedHoldDuration'));
  });
});

describe('string bounds the event log shares', () => {
  test(`O5 an ARN of ${MAX_ID_LENGTH + 1} to 512 characters is rejected at the edge, naming the field`, () => {
    for (const length of [MAX_ID_LENGTH + 1, 400, 512]) {
      const queued = contactEvent('QUEUED', 0);
      detailOf(queued).queueInfo.queueArn = arn(length);
      expect(contact(queued)).toEqual(rejectedFor('detail.queueInfo.queueArn: Too big'));
      expect(agent({ ...agentEvent('alice', 0, []), AgentARN: arn(length) })).toEqual(
        rejectedFor('AgentARN'),
      );
      const contacts = [{ ...agentContact('CONNECTED'), Queue: { ARN: arn(length), Name: 'Sales' } }];
      expect(agent(agentEvent('alice', 0, contacts))).toEqual(
        rejectedFor('CurrentAgentSnapshot.Contacts.0.Queue.ARN'),
      );
      const snapshot = ccpSnapshot('alice', 0, [
        { kind: 'agent', state: 'connected', agentArn: arn(length) },
      ]);
      expect(ccp(snapshot)).toEqual(rejectedFor('connections.0.agentArn'));
    }
    const longest = contactEvent('CONNECTED_TO_AGENT', 0, { agent: 'bob' });
    detailOf(longest).agentInfo.agentArn = arn(MAX_ID_LENGTH);
    expect(contact(longest)).toMatchObject({ kind: 'event', event: { agentArn: arn(MAX_ID_LENGTH) } });
  });
});

describe('depth and prototype safety', () => {
  test('O5 a detail nested 10,000+ levels deep (from ~120 KB of JSON) is rejected, not a stack overflow', () => {
    const text = JSON.stringify(pascalDetail(contactEvent('INITIATED', 0))).replace(
      '"Channel"',
      `"Junk":${deepJson(20_000)},"Channel"`,
    );
    expect(text.length).toBeGreaterThan(100_000);
    expect(contact(JSON.parse(text))).toEqual(rejectedFor('detail: nested deeper than 64 levels'));
    const camel = JSON.stringify(contactEvent('INITIATED', 0)).replace(
      '"channel"',
      `"junk":${deepJson(20_000)},"channel"`,
    );
    expect(contact(JSON.parse(camel))).toEqual(rejectedFor('detail: nested deeper than 64 levels'));
  });

  test('O5 a contactId placed only inside a __proto__ key of detail is not used', () => {
    const text = JSON.stringify(pascalDetail(contactEvent('INITIATED', 0))).replace(
      '"ContactId":"root-1",',
      '"__proto__":{"contactId":"evil","ContactId":"evil"},',
    );
    expect(contact(JSON.parse(text))).toEqual(rejectedFor('detail.contactId'));
    const both = JSON.stringify(contactEvent('INITIATED', 0)).replace(
      '"contactId":"root-1",',
      '"contactId":"root-1","__proto__":{"contactId":"evil","rootId":"evil"},',
    );
    expect(contact(JSON.parse(both))).toMatchObject({
      kind: 'event',
      event: { contactId: 'root-1', rootId: 'root-1' },
    });
  });
});

describe('the guard every stream normalizer runs in', () => {
  const event = () => {
    const normalized = contact(contactEvent('INITIATED', 0));
    if (normalized.kind !== 'event') throw new Error('the builder event is valid');
    return normalized.event;
  };

  test('O5 a throw of any kind inside a normalizer rejects that item alone, with the reason', () => {
    const overflow = (): Normalized => overflow();
    expect(guardNormalizer(overflow)({}, AT_T0)).toEqual(
      rejectedFor('could not be normalized: RangeError: Maximum call stack size exceeded'),
    );
    const invalidDate = guardNormalizer(() => {
      new Date(8.64e15 + 1).toISOString();
      return { kind: 'ignored', reason: 'never' };
    });
    expect(invalidDate({}, AT_T0)).toEqual(rejectedFor('RangeError: Invalid time value'));
  });

  test('O5 an event the log would refuse is rejected before anything is written', () => {
    const emits = (value: unknown) => guardNormalizer(() => ({ kind: 'event', event: value as never }));
    expect(emits({ ...event(), at: 8_640_000_000_000_001 })({}, AT_T0)).toEqual(
      rejectedFor('the event log would refuse the normalized event: at: '),
    );
    expect(emits({ ...event(), agentArn: arn(300) })({}, AT_T0)).toEqual(rejectedFor('agentArn'));
    const valid = event();
    const checked = emits({ ...valid, extra: 'dropped' })({}, AT_T0);
    expect(checked).toEqual({ kind: 'event', event: DomainEventSchema.parse(valid) });
    expect(checked.kind === 'event' && 'extra' in checked.event).toBe(false);
  });
});

describe('decodeFirehoseRecord', () => {
  const base64 = (text: string) => Buffer.from(text).toString('base64');

  test('O5 a record is base64 of one item, read by the bounded parser', () => {
    const item = agentEvent('kim', 0, [agentContact('CONNECTED')]);
    expect(decodeFirehoseRecord(base64(JSON.stringify(item)))).toEqual(item);
    expect(agent(decodeFirehoseRecord(base64(JSON.stringify(item)))).kind).toBe('event');
  });

  test('O5 a record that is not base64, not JSON, too deep or hostile is rejected alone with why', () => {
    expect(agent(decodeFirehoseRecord('%%%'))).toEqual(rejectedFor('Firehose record data is not base64'));
    expect(agent(decodeFirehoseRecord(base64('{"EventId": ')))).toEqual(
      rejectedFor('Firehose record data: not JSON'),
    );
    expect(contact(decodeFirehoseRecord(base64(deepJson(20_000))))).toEqual(
      rejectedFor('Firehose record data: nested deeper than 64 levels'),
    );
    expect(ccp(decodeFirehoseRecord(base64('{"__proto__":{"agentArn":"x"}}')))).toEqual(
      rejectedFor('the key "__proto__"'),
    );
    // A look-alike from JSON is an ordinary object, rejected by the schema as usual.
    expect(ccp({ undecodable: 'forged' })).toEqual(rejectedFor('reportedAt'));
  });
});
