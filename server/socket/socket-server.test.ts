import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  applyBoardMessage,
  CLIENT_EVENTS,
  SERVER_EVENTS,
  type AckResult,
  type BoardState,
} from '@/lib/realtime';
import { agentContact, agentEvent, ccpSnapshot, contactEvent } from '@/server/test-helpers/raw-builders';
import {
  connectBoardClient,
  startTestSidecar,
  type BoardClient,
  type TestSidecar,
} from '@/server/test-helpers/test-sidecar';

let sidecar: TestSidecar;
const clients: BoardClient[] = [];
beforeAll(async () => {
  sidecar = await startTestSidecar({ PUSH_COALESCE_MS: '100' });
});
afterEach(() => clients.splice(0).forEach((c) => c.close()));
afterAll(() => sidecar.stop());

function client(): BoardClient {
  const c = connectBoardClient(sidecar.url);
  clients.push(c);
  return c;
}

const call = (root: string, agent = 'alice') => [
  contactEvent('INITIATED', 0, { root }),
  contactEvent('CONNECTED_TO_AGENT', 2, { root, agent }),
];
const seenIn = (c: BoardClient, id: string) => c.pushes.some((p) => p.card.id === id);

describe('Socket.IO push', () => {
  test('a client gets a snapshot on connect, then updates for what is ingested, in sequence', async () => {
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    await sidecar.post('contact-events', call('push-1'));
    await c.until(() => seenIn(c, 'push-1'));
    await sidecar.post(
      'contact-events',
      contactEvent('INITIATED', 5, { root: 'push-1', contactId: 'push-1-t' }),
    );
    await c.until(() => c.pushes.some((p) => p.card.id === 'push-1' && p.card.activeParticipants === 3));
    const seqs = [c.snapshots[0]!.seq, ...c.patches.map((p) => p.seq)];
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });

  test('the shared reducer rebuilds the board from snapshot + patches exactly as the server has it', async () => {
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    await sidecar.post('contact-events', [
      ...call('push-2', 'bob'),
      contactEvent('DISCONNECTED', 9, { root: 'push-2' }),
    ]);
    await sidecar.post('contact-events', call('push-3', 'carol'));
    await c.until(() => seenIn(c, 'push-3'));
    let state: BoardState | undefined;
    state = applyBoardMessage(state, { type: 'snapshot', message: c.snapshots[0]! }, 0).state;
    for (const patch of c.patches)
      state = applyBoardMessage(state, { type: 'patch', message: patch }, 0).state;
    const live = (await sidecar.get('/api/conferences?include=ended')).body.conferences
      .map((v: any) => v.id)
      .sort();
    expect(Object.keys(state!.conferences).sort()).toEqual(live);
  });

  test('updates are coalesced: at most one push per conference per ~100 ms', async () => {
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    await sidecar.post('contact-events', call('busy-1'));
    for (let i = 0; i < 12; i++) {
      await sidecar.post(
        'ccp',
        ccpSnapshot('alice', 10 + i, [{ kind: 'self', state: 'connected', muted: i % 2 === 0 }], {
          root: 'busy-1',
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 300));
    const times = c.pushes.filter((p) => p.card.id === 'busy-1').map((p) => Date.parse(p.serverTime));
    expect(times.length).toBeGreaterThan(1);
    expect(times.length).toBeLessThan(12);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(95);
    const last = c.pushes.filter((p) => p.card.id === 'busy-1').at(-1)!.card;
    expect(last.participants.find((p) => p.role === 'agent')!.muted).toBe(false);
  });

  test('alerts raised and cleared travel in the patches', async () => {
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    await sidecar.post('contact-events', [
      contactEvent('INITIATED', 0, { root: 'cl-1', lens: true }),
      contactEvent('CONNECTED_TO_AGENT', 1, { root: 'cl-1', agent: 'dave' }),
      contactEvent('INITIATED', 5, { root: 'cl-1', contactId: 'cl-1-x', method: 'EXTERNAL_OUTBOUND' }),
    ]);
    const raised = () =>
      c.patches
        .flatMap((p) => p.alerts)
        .find(
          (a) => a.conferenceId === 'cl-1' && a.kind === 'contact-lens-conflict' && a.change === 'raised',
        );
    await c.until(() => raised() !== undefined);
    expect(raised()).toMatchObject({ severity: 'critical', since: '2026-11-23T10:00:05.000Z' });
    await sidecar.post(
      'contact-events',
      contactEvent('DISCONNECTED', 8, { root: 'cl-1', contactId: 'cl-1-x', method: 'EXTERNAL_OUTBOUND' }),
    );
    await c.until(() =>
      c.patches.flatMap((p) => p.alerts).some((a) => a.conferenceId === 'cl-1' && a.change === 'cleared'),
    );
  });

  test('a client that asks for a resync gets a fresh snapshot', async () => {
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    c.socket.emit(CLIENT_EVENTS.resync);
    await c.until(() => c.snapshots.length === 2);
    expect(c.snapshots[1]!.conferences.length).toBeGreaterThan(0);
  });

  test('a watcher gets the full view of one conference on watch and on every change', async () => {
    await sidecar.post('contact-events', call('watch-1', 'erin'));
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    c.socket.emit(CLIENT_EVENTS.watch, { id: 'watch-1' });
    await c.until(() => c.details.length === 1);
    expect(c.details[0]!.conference).toMatchObject({ id: 'watch-1', contactTree: { contactId: 'watch-1' } });
    await sidecar.post(
      'agent-events',
      agentEvent('erin', 6, [agentContact('CONNECTED_ONHOLD', { root: 'watch-1' })]),
    );
    await c.until(() => c.details.some((d) => d.conference?.participants[0]?.state === 'hold'));
    c.socket.emit(CLIENT_EVENTS.watch, { id: 'nobody' });
    await c.until(() => c.details.some((d) => d.id === 'nobody'));
    expect(c.details.find((d) => d.id === 'nobody')!.conference).toBeNull();
  });

  test('bad payloads from a browser are answered or ignored, never fatal', async () => {
    const c = client();
    await c.until(() => c.snapshots.length === 1);
    c.socket.emit(CLIENT_EVENTS.watch, { id: 42 });
    c.socket.emit(CLIENT_EVENTS.watch, 'not an object');
    const result = (await c.socket.emitWithAck(CLIENT_EVENTS.ack, { conferenceId: 'x' })) as AckResult;
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('kind') });
    expect((await sidecar.get('/healthz')).status).toBe(200);
  });

  test('an acknowledged alert is stored and reaches every client, then every new snapshot', async () => {
    await sidecar.post('contact-events', [
      contactEvent('INITIATED', 0, { root: 'ack-1' }),
      contactEvent('CONNECTED_TO_AGENT', 1, { root: 'ack-1', agent: 'fay' }),
      contactEvent('INITIATED', 3, { root: 'ack-1', contactId: 'ack-1-t' }),
      contactEvent('DISCONNECTED', 4, { root: 'ack-1' }),
    ]);
    const view = (await sidecar.get('/api/conferences/ack-1')).body;
    const alert = view.alerts.find((a: any) => a.kind === 'caller-dropped');
    const a = client();
    const b = client();
    await a.until(() => a.snapshots.length === 1);
    await b.until(() => b.snapshots.length === 1);
    const wrong = (await a.socket.emitWithAck(CLIENT_EVENTS.ack, {
      conferenceId: 'ack-1',
      kind: 'cap-reached',
      raisedAt: alert.since,
      by: 'Sam',
    })) as AckResult;
    expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining('no live cap-reached') });
    const result = (await a.socket.emitWithAck(CLIENT_EVENTS.ack, {
      conferenceId: 'ack-1',
      kind: 'caller-dropped',
      raisedAt: alert.since,
      by: 'Sam',
    })) as AckResult;
    // Who acknowledged is the caller's identity (here the ADMIN_TOKEN), never the name it sent.
    expect(result).toMatchObject({ ok: true, ack: { by: 'ADMIN_TOKEN', kind: 'caller-dropped' } });
    await b.until(() => b.patches.some((p) => p.acks.some((k) => k.conferenceId === 'ack-1')));
    const later = client();
    await later.until(() => later.snapshots.length === 1);
    expect(later.snapshots[0]!.acks).toContainEqual(
      expect.objectContaining({ conferenceId: 'ack-1', by: 'ADMIN_TOKEN' }),
    );
    expect(SERVER_EVENTS.snapshot).toBe('board:snapshot');
  });
});
