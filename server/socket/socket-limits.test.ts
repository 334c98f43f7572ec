import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_EVENTS } from '@/lib/realtime';
import { contactEvent } from '@/server/test-helpers/raw-builders';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar({
    SOCKET_RESYNC_MIN_MS: '1000',
    SOCKET_MAX_WATCHED: '3',
    SOCKET_MESSAGES_PER_SECOND: '50',
  });
  await sidecar.post('contact-events', [
    contactEvent('INITIATED', 0, { root: 'lim-1' }),
    contactEvent('CONNECTED_TO_AGENT', 1, { root: 'lim-1', agent: 'lena' }),
  ]);
});
afterAll(() => sidecar.stop());

const throttled = async (event: string) => {
  const text = (await sidecar.get('/metrics')).body as string;
  return Number(
    new RegExp(`confwatch_socket_messages_throttled_total\\{event="${event}"\\} (\\d+)`).exec(text)?.[1] ?? 0,
  );
};

describe('per-client socket limits', () => {
  test('a resync flood gets at most one snapshot per SOCKET_RESYNC_MIN_MS, and the last ask is answered', async () => {
    const c = connectBoardClient(sidecar.url);
    try {
      await c.until(() => c.snapshots.length === 1);
      const before = await throttled('board:resync');
      for (let i = 0; i < 300; i++) c.socket.emit(CLIENT_EVENTS.resync);
      await new Promise((r) => setTimeout(r, 1_500));
      // The connect snapshot, the first resync at once, one coalesced answer a second later.
      expect(c.snapshots.length).toBe(3);
      // Every ask but the first is counted once: dropped by the message budget, or folded into
      // the one coalesced answer (which is not counted again).
      expect((await throttled('board:resync')) - before).toBe(299);
      await new Promise((r) => setTimeout(r, 1_200));
      expect(c.snapshots.length).toBe(3);
    } finally {
      c.close();
    }
  });

  test('a client may watch SOCKET_MAX_WATCHED conferences at once; more are refused and counted', async () => {
    const c = connectBoardClient(sidecar.url);
    try {
      await c.until(() => c.snapshots.length === 1);
      for (let i = 0; i < 5; i++) c.socket.emit(CLIENT_EVENTS.watch, { id: `w-${i}` });
      await new Promise((r) => setTimeout(r, 500));
      expect(c.details.map((d) => d.id)).toEqual(['w-0', 'w-1', 'w-2']);
      expect(await throttled('conference:watch')).toBe(2);
      c.socket.emit(CLIENT_EVENTS.unwatch, { id: 'w-0' });
      c.socket.emit(CLIENT_EVENTS.watch, { id: 'lim-1' });
      await c.until(() => c.details.some((d) => d.id === 'lim-1'));
      expect(c.details.find((d) => d.id === 'lim-1')!.conference).toMatchObject({ id: 'lim-1' });
    } finally {
      c.close();
    }
  });

  test('messages beyond the per-client rate are dropped, and the sidecar carries on', async () => {
    const c = connectBoardClient(sidecar.url);
    try {
      await c.until(() => c.snapshots.length === 1);
      for (let i = 0; i < 1_000; i++) c.socket.emit(CLIENT_EVENTS.unwatch, { id: 'nothing' });
      await expect.poll(() => throttled('conference:unwatch'), { timeout: 5_000 }).toBeGreaterThan(800);
      expect((await sidecar.get('/healthz')).status).toBe(200);
    } finally {
      c.close();
    }
  });
});
