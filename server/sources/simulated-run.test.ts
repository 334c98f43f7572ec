import { afterEach, describe, expect, test } from 'vitest';
import { AlertKindSchema, type AlertKind, type ConferenceMode } from '@/lib/conference';
import { STREAMS } from '@/server/ingest/streams';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';
import { createSimulator } from './simulator';

const ALL_ALERTS = AlertKindSchema.options;

const running: TestSidecar[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

/**
 * Plays ten simulated minutes through the real sidecar over HTTP, as the replay tool would, moving the
 * sidecar clock with the recording, and records what a browser sees.
 */
async function playTenMinutes(mode: ConferenceMode) {
  const sidecar = await startTestSidecar({
    CONFERENCE_MODE: mode,
    ENDED_GRACE_SECONDS: '2',
    PUSH_COALESCE_MS: '0',
  });
  running.push(sidecar);
  const browser = connectBoardClient(sidecar.url);
  await browser.until(() => browser.snapshots.length === 1);
  const simulator = createSimulator({ seed: 7, mode });
  const start = Date.parse('2026-11-23T09:00:00Z');
  const sizes = new Set<number>();
  const alerts = new Set<AlertKind>();
  const record = () => {
    for (const { card } of browser.pushes.splice(0)) {
      sizes.add(card.activeParticipants);
      for (const a of card.alerts) alerts.add(a.kind);
    }
  };
  const replayToken = await sidecar.token('replay');
  for (let t = start + 1_000; t <= start + 10 * 60_000; t += 1_000) {
    const items = simulator.advance(t);
    const clock = {
      authorization: `Bearer ${replayToken}`,
      'x-confwatch-source-clock': new Date(t).toISOString(),
    };
    for (const stream of STREAMS) {
      const batch = items.filter((i) => i.stream === stream).map((i) => i.payload);
      if (batch.length === 0) continue;
      const result = await sidecar.post(stream, batch, clock);
      expect(result.status).toBe(202);
      expect(result.body.rejected).toEqual([]);
    }
    // Give the hub's one-second tick (time-based alerts, grace) its turn now and then.
    if (t % 5_000 === 0) await sidecar.hub.lifecycle.tick();
    await new Promise((r) => setImmediate(r));
    record();
  }
  await new Promise((r) => setTimeout(r, 100));
  record();
  browser.close();
  return { sizes, alerts, stats: simulator.stats() };
}

describe('a seeded ten-minute simulated run through the sidecar', () => {
  test('R1 A1–A7 multi-party: conferences of every size 2–6 and every alert kind', async () => {
    const { sizes, alerts } = await playTenMinutes('multi-party');
    expect([2, 3, 4, 5, 6].filter((n) => !sizes.has(n))).toEqual([]);
    expect(ALL_ALERTS.filter((k) => !alerts.has(k))).toEqual([]);
  }, 120_000);

  test('R1 A1–A7 three-party: sizes up to the cap of three, over it only in the platform-fault call, every alert kind', async () => {
    const { sizes, alerts } = await playTenMinutes('three-party');
    expect(sizes.has(2) && sizes.has(3)).toBe(true);
    expect([...sizes].filter((n) => n > 4)).toEqual([]);
    expect(ALL_ALERTS.filter((k) => !alerts.has(k))).toEqual([]);
  }, 120_000);
});
