import { describe, expect, test } from 'vitest';
import { cachedRun, eventsByLeg, ms, type Run } from './test-helpers/runs';

/** Ten minutes of the default contact centre: every item is validated against the raw schemas on the way. */
const defaultRun = (): Run => cachedRun({ seed: 11 }, 10);

describe('contact events (EventBridge)', () => {
  test('every contact event has the EventBridge envelope and a valid camelCase or PascalCase detail', () => {
    const run = defaultRun();
    expect(run.contactEvents.length).toBeGreaterThan(200);
    for (const item of run.items.filter((i) => i.stream === 'contact-events')) {
      const envelope = item.payload as { resources: string[]; detail: Record<string, unknown> };
      const contactId = (envelope.detail.contactId ?? envelope.detail.ContactId) as string;
      expect(envelope.resources[0]).toMatch(new RegExp(`/contact/${contactId}$`));
    }
  });

  test('M1 a root names no other contact as initial; every other leg names its root and the leg that invited it', () => {
    const run = defaultRun();
    const roots = new Set(
      run.contactEvents.filter((e) => e.detail.initiationMethod === 'INBOUND').map((e) => e.detail.contactId),
    );
    const initialShapes = new Set<string>();
    for (const { detail } of run.contactEvents) {
      if (detail.initiationMethod === 'INBOUND') {
        initialShapes.add(detail.initialContactId === undefined ? 'absent' : 'equal');
        if (detail.initialContactId !== undefined) expect(detail.initialContactId).toBe(detail.contactId);
        expect(detail.previousContactId).toBeUndefined();
      } else {
        expect(roots.has(detail.initialContactId!)).toBe(true);
        expect(detail.previousContactId).toBeDefined();
      }
    }
    expect(initialShapes).toEqual(new Set(['absent', 'equal']));
  });

  test('a share of events spell the detail keys in PascalCase, nested keys too', () => {
    const run = defaultRun();
    const pascal = run.contactEvents.filter((e) => e.pascal);
    const share = pascal.length / run.contactEvents.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.12);
    const raw = run.items.find((i) => {
      const detail = (i.payload as { detail?: Record<string, unknown> }).detail;
      return detail !== undefined && 'EventType' in detail && 'AgentInfo' in detail;
    });
    expect(Object.keys((raw!.payload as { detail: { AgentInfo: object } }).detail.AgentInfo)).toContain(
      'AgentArn',
    );
    expect(cachedRun({ seed: 11, pascalCaseShare: 0 }, 2).contactEvents.some((e) => e.pascal)).toBe(false);
  });

  test('M6 R27 Contact Lens rides on INITIATED of the legs that have it and on CONTACT_DATA_UPDATED', () => {
    const run = defaultRun();
    const updates = run.contactEvents.filter((e) => e.detail.eventType === 'CONTACT_DATA_UPDATED');
    expect(updates.length).toBeGreaterThan(0);
    for (const { detail } of updates) {
      expect(detail.updatedProperties).toEqual(['ContactLens.ConversationalAnalytics.Configuration']);
      expect(detail.contactLens).toBeDefined();
    }
    const onTransfers = run.contactEvents.filter(
      (e) =>
        e.detail.eventType === 'INITIATED' &&
        e.detail.initiationMethod === 'TRANSFER' &&
        e.detail.contactLens,
    );
    expect(
      onTransfers.map((e) => e.detail.contactLens!.conversationalAnalytics.configuration.enabled),
    ).toContain(true);
    for (const e of run.contactEvents) {
      if (e.detail.contactLens) expect(['INITIATED', 'CONTACT_DATA_UPDATED']).toContain(e.detail.eventType);
    }
  });

  test('M4 external legs name the dialled number; the root names the caller', () => {
    const run = defaultRun();
    for (const [, events] of eventsByLeg(run)) {
      const method = events[0]!.initiationMethod;
      const endpoint = events.find((e) => e.customerEndpoint)?.customerEndpoint;
      if (method === 'INBOUND' || method === 'EXTERNAL_OUTBOUND') expect(endpoint?.address).toMatch(/^\+49/);
      else expect(endpoint).toBeUndefined();
    }
  });

  test('COMPLETED of an agent leg carries after-contact-work times and the hold duration', () => {
    const completed = defaultRun().contactEvents.filter((e) => e.detail.eventType === 'COMPLETED');
    expect(completed.length).toBeGreaterThan(20);
    for (const { detail } of completed) {
      const info = detail.agentInfo!;
      expect(ms(info.afterContactWorkEndTimestamp!)).toBeGreaterThan(
        ms(info.afterContactWorkStartTimestamp!),
      );
      expect(info.agentInitiatedHoldDuration).toBeGreaterThanOrEqual(0);
      expect(detail.disconnectTimestamp).toBeDefined();
    }
  });
});

describe('agent event stream records', () => {
  test('every agent logs in at the start and idle agents send a heart beat every 120 s', () => {
    const run = defaultRun();
    const logins = run.agentEvents.filter((e) => e.EventType === 'LOGIN');
    expect(new Set(logins.map((e) => e.AgentARN)).size).toBe(40 + 4);
    expect(logins.every((e) => e.PreviousAgentSnapshot.AgentStatus.Type === 'OFFLINE')).toBe(true);
    const byAgent = new Map<string, number[]>();
    for (const e of run.agentEvents)
      byAgent.set(e.AgentARN, [...(byAgent.get(e.AgentARN) ?? []), ms(e.EventTimestamp)]);
    for (const times of byAgent.values()) {
      const sorted = times.sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeLessThan(131_000);
    }
    expect(run.agentEvents.some((e) => e.EventType === 'HEART_BEAT')).toBe(true);
  });

  test('M7 the root contact has no InitialContactId; added legs name their root', () => {
    const run = defaultRun();
    const contacts = run.agentEvents.flatMap((e) => e.CurrentAgentSnapshot.Contacts);
    expect(
      contacts.filter((c) => c.InitiationMethod === 'INBOUND').every((c) => c.InitialContactId === null),
    ).toBe(true);
    expect(
      contacts.filter((c) => c.InitiationMethod !== 'INBOUND').every((c) => c.InitialContactId !== null),
    ).toBe(true);
  });

  test('M7 StateStartTimestamp is not reset when a contact goes on hold', () => {
    const run = defaultRun();
    const last = new Map<string, { state: string; start: string }>();
    let holds = 0;
    for (const e of [...run.agentEvents].sort((a, b) => ms(a.EventTimestamp) - ms(b.EventTimestamp))) {
      for (const c of e.CurrentAgentSnapshot.Contacts) {
        const key = `${e.AgentARN}|${c.ContactId}`;
        const before = last.get(key);
        if (before?.state === 'CONNECTED' && c.State === 'CONNECTED_ONHOLD') {
          holds += 1;
          expect(c.StateStartTimestamp).toBe(before.start);
        }
        last.set(key, { state: c.State, start: c.StateStartTimestamp });
      }
    }
    expect(holds).toBeGreaterThan(5);
  });
});

describe('CCP relay snapshots', () => {
  test('M8 a connection id names one party of one viewer: same kind, same agent or number, never shared', () => {
    const run = defaultRun();
    const seen = new Map<string, { viewer: string; kind: string; who?: string }>();
    let repeats = 0;
    for (const s of run.ccp) {
      const viewer = `${s.agentArn}|${s.contactId}`;
      expect(s.connections[0]!.kind).toBe('self');
      for (const c of s.connections) {
        const who = c.agentArn ?? c.phoneNumber;
        const before = seen.get(c.connectionId);
        if (before) {
          repeats += 1;
          expect(before.viewer).toBe(viewer);
          expect(before.kind).toBe(c.kind);
          if (before.who && who) expect(before.who).toBe(who);
        }
        seen.set(c.connectionId, { viewer, kind: c.kind, who: who ?? before?.who });
      }
    }
    expect(repeats).toBeGreaterThan(run.ccp.length);
  });

  test('reportedAt is the browser clock: within 50 ms of when the snapshot was sent', () => {
    const run = cachedRun({ seed: 11, duplicateRate: 0, reorderRate: 0 }, 3);
    const lags = run.items
      .filter((i) => i.stream === 'ccp')
      .map((i) => ms(i.at) - ms((i.payload as { reportedAt: string }).reportedAt));
    expect(Math.min(...lags)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lags)).toBeLessThanOrEqual(350);
  });
});
