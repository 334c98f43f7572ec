import { describe, expect, test } from 'vitest';
import { ConferenceModeSchema, type ConferenceMode } from '@/lib/conference';
import {
  activeSize,
  cachedRun,
  conferenceIds,
  eventsByLeg,
  historyOf,
  isPresent,
  ms,
  type Run,
} from './test-helpers/runs';

const runIn = (mode: ConferenceMode): Run => cachedRun({ seed: 11, mode }, 10);
const MODES = ConferenceModeSchema.options;

describe('when parties leave (R5, R6, R23, R24, R29)', () => {
  test('R5 after the caller hangs up with three or more left, an agent adds another party', () => {
    const run = runIn('multi-party');
    const history = historyOf(run, conferenceIds(run, 'caller-dropped')[0]!);
    const dropAt = history.findIndex((c) => c.parties[0]!.state === 'disconnected');
    expect(activeSize(history[dropAt]!)).toBeGreaterThanOrEqual(3);
    expect(history.at(-1)!.parties.length).toBeGreaterThan(history[dropAt]!.parties.length);
  });

  test('R6 after the primary agent leaves with three or more left, another agent adds a party', () => {
    const run = runIn('multi-party');
    const history = historyOf(run, conferenceIds(run, 'primary-left')[0]!);
    const leftAt = history.findIndex((c) => c.parties.some((p) => p.primary && p.state === 'disconnected'));
    expect(activeSize(history[leftAt]!)).toBeGreaterThanOrEqual(3);
    expect(history.at(-1)!.parties.length).toBeGreaterThan(history[leftAt]!.parties.length);
  });

  test('R23 E3 caller and external party carry on after the agent leaves', () => {
    const run = runIn('multi-party');
    const history = historyOf(run, conferenceIds(run, 'no-agent')[0]!);
    const alone = history.filter(
      (c) => !isPresent(c, (p) => p.role === 'agent') && isPresent(c, (p) => p.role === 'external'),
    );
    expect(alone.length).toBeGreaterThan(30);
  });

  test('R24 E2 when only external parties remain the platform disconnects them', () => {
    for (const mode of MODES) {
      const run = runIn(mode);
      const id = conferenceIds(run, 'only-externals-left')[0]!;
      const externals = historyOf(run, id)
        .at(-1)!
        .parties.filter((p) => p.role === 'external');
      const legs = eventsByLeg(run);
      for (const external of externals) {
        const disconnected = legs.get(external.contactId)!.find((e) => e.eventType === 'DISCONNECTED')!;
        expect(disconnected.disconnectReason).toBe('THIRD_PARTY_DISCONNECT');
      }
      expect(externals.length).toBeGreaterThan(0);
    }
  });

  test('R29 a consult ends with the colleague leaving first; a warm transfer with the primary leaving first', () => {
    const run = runIn('multi-party');
    const leftAt = (id: string, primary: boolean) => {
      const history = historyOf(run, id);
      return history.findIndex((c) =>
        c.parties.some((p) => p.role === 'agent' && p.primary === primary && p.state === 'disconnected'),
      );
    };
    const consult = conferenceIds(run, 'consult')[0]!;
    expect(leftAt(consult, false)).toBeGreaterThanOrEqual(0);
    expect(leftAt(consult, true) === -1 || leftAt(consult, false) < leftAt(consult, true)).toBe(true);
    const transfer = conferenceIds(run, 'warm-transfer')[0]!;
    expect(leftAt(transfer, true)).toBeGreaterThanOrEqual(0);
    expect(leftAt(transfer, false) === -1 || leftAt(transfer, true) < leftAt(transfer, false)).toBe(true);
  });
});

describe('queues, ringing and after-contact work', () => {
  test('a call waits in the queue at least 5 s before an agent takes it', () => {
    const legs = eventsByLeg(runIn('multi-party'));
    let answered = 0;
    for (const events of legs.values()) {
      const connected = events.find(
        (e) => e.eventType === 'CONNECTED_TO_AGENT' && e.initiationMethod === 'INBOUND',
      );
      if (!connected) continue;
      answered += 1;
      expect(
        ms(connected.agentInfo!.connectedToAgentTimestamp) - ms(connected.queueInfo!.enqueueTimestamp),
      ).toBeGreaterThanOrEqual(5_000);
    }
    expect(answered).toBeGreaterThan(30);
  });

  test('callers give up when no agent comes for a long time', () => {
    const run = cachedRun({ seed: 3, agents: 1, callsPerMinute: 6, showcase: false }, 15);
    expect(run.stats.abandoned).toBeGreaterThan(0);
    const abandoned = [...eventsByLeg(run).values()].filter(
      (events) =>
        events[0]!.initiationMethod === 'INBOUND' &&
        events.some((e) => e.eventType === 'DISCONNECTED') &&
        !events.some((e) => e.eventType === 'CONNECTED_TO_AGENT'),
    );
    expect(abandoned.length).toBeGreaterThan(0);
    for (const events of abandoned)
      expect(events.find((e) => e.eventType === 'DISCONNECTED')!.disconnectReason).toBe(
        'CUSTOMER_DISCONNECT',
      );
  });

  test('M7 a queued transfer rings one agent who misses or rejects it, then another agent answers', () => {
    const run = runIn('multi-party');
    const missedBy = new Map<string, string>();
    for (const e of run.agentEvents) {
      for (const c of e.CurrentAgentSnapshot.Contacts)
        if (c.State === 'MISSED' || c.State === 'REJECTED') missedBy.set(c.ContactId, e.AgentARN);
    }
    const answeredByOther = run.contactEvents.filter(
      (e) =>
        e.detail.eventType === 'CONNECTED_TO_AGENT' &&
        missedBy.has(e.detail.contactId) &&
        missedBy.get(e.detail.contactId) !== e.detail.agentInfo!.agentArn,
    );
    expect(answeredByOther.some((e) => e.detail.initiationMethod === 'TRANSFER')).toBe(true);
  });

  test('every agent leg ends in after-contact work: ENDED for 5–30 s, then the contact leaves the snapshot, then COMPLETED', () => {
    const run = runIn('multi-party');
    const supervisorLegs = new Set(
      run.contactEvents.filter((e) => e.detail.initiationMethod === 'MONITOR').map((e) => e.detail.contactId),
    );
    const completed = new Map(
      run.contactEvents
        .filter((e) => e.detail.eventType === 'COMPLETED')
        .map((e) => [e.detail.contactId, e.detail]),
    );
    expect(completed.size).toBeGreaterThan(40);
    const snapshots = [...run.agentEvents].sort((a, b) => ms(a.EventTimestamp) - ms(b.EventTimestamp));
    for (const [contactId, detail] of completed) {
      const agent = detail.agentInfo!.agentArn;
      const mine = snapshots.filter((e) => e.AgentARN === agent);
      const ended = mine.find((e) =>
        e.CurrentAgentSnapshot.Contacts.some((c) => c.ContactId === contactId && c.State === 'ENDED'),
      )!;
      expect(ended.EventTimestamp).toBe(detail.agentInfo!.afterContactWorkStartTimestamp);
      const gone = mine.find(
        (e) =>
          ms(e.EventTimestamp) > ms(ended.EventTimestamp) &&
          !e.CurrentAgentSnapshot.Contacts.some((c) => c.ContactId === contactId),
      )!;
      expect(gone.EventTimestamp).toBe(detail.agentInfo!.afterContactWorkEndTimestamp);
      const acw = ms(gone.EventTimestamp) - ms(ended.EventTimestamp);
      const [min, max] = supervisorLegs.has(contactId) ? [2_000, 5_000] : [5_000, 30_000];
      expect(acw).toBeGreaterThanOrEqual(min);
      expect(acw).toBeLessThanOrEqual(max);
    }
  });

  test('E1 the root completes only once its caller has gone and its primary agent has finished after-contact work', () => {
    const run = runIn('multi-party');
    const disconnectedAt = new Map<string, number>();
    for (const { detail } of run.contactEvents) {
      if (detail.eventType === 'DISCONNECTED' && detail.initiationMethod === 'INBOUND')
        disconnectedAt.set(detail.contactId, ms(detail.disconnectTimestamp!));
    }
    const roots = run.contactEvents.filter(
      (e) => e.detail.eventType === 'COMPLETED' && e.detail.initiationMethod === 'INBOUND',
    );
    expect(roots.length).toBeGreaterThan(20);
    for (const { at, detail } of roots) {
      const sentAt = ms(at) + 999;
      expect(sentAt).toBeGreaterThanOrEqual(disconnectedAt.get(detail.contactId)!);
      expect(sentAt).toBeGreaterThanOrEqual(ms(detail.agentInfo!.afterContactWorkEndTimestamp!));
    }
  });
});
