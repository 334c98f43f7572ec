import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answeredCall, tooDeepCall } from '@/server/test-helpers/deep-call';
import { readSeries } from '@/server/test-helpers/metrics-text';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

let sidecar: TestSidecar;
beforeAll(async () => {
  sidecar = await startTestSidecar();
});
afterAll(() => sidecar.stop());

const metrics = async () => (await sidecar.get('/metrics')).body as string;

describe('/metrics', () => {
  test('serves confwatch series and the process defaults: event-loop lag, GC and heap', async () => {
    const text = await metrics();
    for (const series of [
      'confwatch_ingest_events_total',
      'confwatch_live_conferences',
      'confwatch_live_participants',
      'confwatch_alerts_active',
      'confwatch_socket_clients',
      'confwatch_orphan_events_dropped_total',
      'confwatch_history_writes_total',
      'confwatch_ingest_to_emit_seconds',
      'confwatch_event_log_quarantined_rows',
      'confwatch_conferences_needing_attention',
      'confwatch_nodejs_eventloop_lag_seconds',
      'confwatch_nodejs_gc_duration_seconds',
      'confwatch_nodejs_heap_size_used_bytes',
      'confwatch_nodejs_active_handles',
    ])
      expect(text).toContain(`# TYPE ${series} `);
  });

  test('L1 L3 O5 the values move: live conferences, rejected and refused items, faults and conferences needing attention', async () => {
    const small = await startTestSidecar({ MAX_LIVE_CONFERENCES: '3' });
    try {
      const read = async () => {
        const text = (await small.get('/metrics')).body as string;
        return {
          live: readSeries(text, 'confwatch_live_conferences'),
          rejected: readSeries(
            text,
            'confwatch_ingest_events_total{outcome="rejected",source="contact-events"}',
          ),
          accepted: readSeries(
            text,
            'confwatch_ingest_events_total{outcome="accepted",source="contact-events"}',
          ),
          refused: readSeries(
            text,
            'confwatch_ingest_refused_total{reason="live-conferences",source="contact-events"}',
          ),
          faults: readSeries(text, 'confwatch_conference_faults_total{stage="view"}'),
          attention: readSeries(text, 'confwatch_conferences_needing_attention'),
        };
      };
      expect(await read()).toEqual({
        live: 0,
        rejected: 0,
        accepted: 0,
        refused: 0,
        faults: 0,
        attention: 0,
      });

      // Three calls fill MAX_LIVE_CONFERENCES; the fourth call's two items are refused, one more is not an event.
      const posted = await small.post('contact-events', [
        ...answeredCall('m-1', 0),
        ...answeredCall('m-2', 0),
        ...tooDeepCall('m-deep', 0),
        ...answeredCall('m-4', 0),
        { not: 'an event' },
      ]);
      expect(posted.body.rejected).toHaveLength(3);
      await expect.poll(read, { timeout: 5_000 }).toEqual({
        live: 3,
        rejected: 3,
        accepted: 106,
        refused: 2,
        faults: 0,
        attention: 0,
      });

      // Reading the list builds m-deep's view, which fails (L3): it leaves the board and needs attention.
      expect((await small.get('/api/conferences')).status).toBe(200);
      // The gauge counts the board as published: the card goes with the next push.
      await expect.poll(read, { timeout: 5_000 }).toEqual({
        live: 2,
        rejected: 3,
        accepted: 106,
        refused: 2,
        faults: 1,
        attention: 1,
      });
      expect((await small.get('/api/status')).body).toMatchObject({
        liveConferences: 2,
        needingAttention: { 'm-deep': expect.stringMatching(/^view: L3/) },
      });
    } finally {
      await small.stop();
    }
  });

  test('confwatch_socket_clients follows clients in and out, back to 0', async () => {
    const clients = Array.from({ length: 20 }, () => connectBoardClient(sidecar.url));
    await Promise.all(clients.map((c) => c.until(() => c.snapshots.length === 1)));
    expect(await metrics()).toMatch(/^confwatch_socket_clients 20$/m);
    for (const c of clients) c.close();
    await expect.poll(metrics, { timeout: 5_000 }).toMatch(/^confwatch_socket_clients 0$/m);
  });
});

describe('/healthz and /api/status', () => {
  test('/healthz tells anyone only that the sidecar is up and ready', async () => {
    expect(await sidecar.get('/healthz', null)).toEqual({ status: 200, body: { status: 'ok', ready: true } });
  });

  test('/api/status gives an administrator the quarantine and attention counts', async () => {
    const status = (await sidecar.get('/api/status')).body;
    expect(status).toMatchObject({ status: 'ok', store: 'sqlite', quarantinedRows: 0, needingAttention: {} });
  });
});
