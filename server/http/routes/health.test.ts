import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
