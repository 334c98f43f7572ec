import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { todayWindow } from '@/lib/wallboard/today';
import { WallboardTodaySchema } from '@/lib/wallboard/today-schema';
import { BILLING, buildReportCall, SUPPORT } from '@/server/store/test-fixtures/report-builders';
import { contactEvent, queueArn, T0 } from '@/server/test-helpers/raw-builders';
import { startTestSidecar, TOKEN, type TestSidecar } from '@/server/test-helpers/test-sidecar';

const WALLBOARD_TOKEN = 'wallboard-env-token-0123456789abcdef';
const TODAY = '/api/wallboard/today';
const iso = (ms: number) => new Date(ms).toISOString();

let sidecar: TestSidecar;
/** The window as the sidecar saw it when the figures were written (UTC, the day of the run). */
let window: ReturnType<typeof todayWindow>;
/** What the route must answer, worked out from where each call was put. */
const expected = { all: { today: 0, sameTime: 0, total: 0 }, billing: { today: 0, sameTime: 0, total: 0 } };

/** History: multi-party (extras ≥ 1) and two-party calls of both days, either side of the cut. */
async function writeHistory(): Promise<void> {
  const { today, yesterday, yesterdayCut } = window;
  const calls = [
    { id: 'h-today-support', start: today.start, queue: SUPPORT, extras: 1 },
    { id: 'h-today-billing', start: today.start + 1, queue: BILLING, extras: 2 },
    { id: 'h-today-two', start: today.start + 2, queue: SUPPORT, extras: 0 },
    { id: 'h-y-early', start: yesterday.start, queue: BILLING, extras: 1 },
    // Inside the cut's quarter hour, a moment before the cut: counted one by one.
    { id: 'h-y-just-before', start: Math.max(yesterday.start, yesterdayCut - 1), queue: SUPPORT, extras: 1 },
    { id: 'h-y-after', start: Math.min(yesterdayCut + 1_000, yesterday.end - 1), queue: BILLING, extras: 3 },
  ];
  await sidecar.store.writeHistory(
    calls.map((c) =>
      buildReportCall(c.id, { start: iso(c.start), minutes: 1, queue: c.queue, extras: c.extras }),
    ),
    Date.now(),
  );
  for (const c of calls) {
    if (c.extras === 0) continue;
    const isToday = c.start >= today.start;
    for (const key of c.queue === BILLING ? (['all', 'billing'] as const) : (['all'] as const)) {
      if (isToday) expected[key].today += 1;
      else {
        expected[key].total += 1;
        if (c.start < yesterdayCut) expected[key].sameTime += 1;
      }
    }
  }
}

/** The live call's queue is known by its ARN only (contact events carry no queue name). */
const BILLING_QUEUES = ['Billing', queueArn('Billing')];

/** A live three-party call in Billing that started a minute ago, not yet in history. */
async function postLiveCall(): Promise<void> {
  const s = (Date.now() - 60_000 - T0) / 1000;
  const root = 'live-billing';
  await sidecar.post('contact-events', [
    contactEvent('INITIATED', s, { root, queue: 'Billing' }),
    contactEvent('CONNECTED_TO_AGENT', s + 1, { root, agent: 'alice', queue: 'Billing' }),
    contactEvent('INITIATED', s + 2, { root, contactId: `${root}-t` }),
    contactEvent('CONNECTED_TO_AGENT', s + 3, { root, contactId: `${root}-t`, agent: 'bob' }),
  ]);
  // Counted today unless the run straddles midnight (then the window below is off anyway).
  if (Date.now() - 60_000 >= window.today.start) {
    expected.all.today += 1;
    expected.billing.today += 1;
  }
}

beforeAll(async () => {
  sidecar = await startTestSidecar({ WALLBOARD_TOKEN, REPORT_TIME_ZONE: 'UTC' });
  window = todayWindow(Date.now(), 'UTC');
  await writeHistory();
  await postLiveCall();
});
afterAll(() => sidecar.stop());

describe('GET /api/wallboard/today', () => {
  test('multi-party calls so far today against yesterday at this time, history and live together', async () => {
    const answer = await sidecar.get(TODAY, WALLBOARD_TOKEN);
    expect(answer.status).toBe(200);
    const body = WallboardTodaySchema.parse(answer.body);
    expect(body.timeZone).toBe('UTC');
    expect(body.today.date).toBe(window.today.date);
    expect(body.today.soFar).toBe(expected.all.today);
    expect(body.yesterday.sameTime).toBe(expected.all.sameTime);
    expect(body.yesterday.total).toBe(expected.all.total);
    expect(body.today.perHour.reduce<number>((n, h) => n + (h ?? 0), 0)).toBe(expected.all.today);
    expect(body.yesterday.perHour.reduce((n, h) => n + h, 0)).toBe(expected.all.total);
  });

  test('S1 a scoped credential counts only the calls of its scope; a screen narrows by queue the same way', async () => {
    const scoped = await sidecar.token('wallboard', { queues: BILLING_QUEUES });
    const mine = WallboardTodaySchema.parse((await sidecar.get(TODAY, scoped)).body);
    expect([mine.today.soFar, mine.yesterday.sameTime, mine.yesterday.total]).toEqual([
      expected.billing.today,
      expected.billing.sameTime,
      expected.billing.total,
    ]);
    const byQueue = BILLING_QUEUES.map((q) => `queue=${encodeURIComponent(q)}`).join('&');
    const narrowed = WallboardTodaySchema.parse(
      (await sidecar.get(`${TODAY}?${byQueue}`, WALLBOARD_TOKEN)).body,
    );
    expect(narrowed.today.soFar).toBe(mine.today.soFar);
    expect(narrowed.yesterday.sameTime).toBe(mine.yesterday.sameTime);
    // A scope and a queue outside it: nothing.
    const outside = WallboardTodaySchema.parse((await sidecar.get(`${TODAY}?queue=Support`, scoped)).body);
    expect(outside.today.soFar).toBe(0);
    const both = WallboardTodaySchema.parse(
      (await sidecar.get(`${TODAY}?queue=Billing&queue=Support`, WALLBOARD_TOKEN)).body,
    );
    expect(both.yesterday.total).toBe(expected.all.total);
  });

  test('a bad query is a 400 that names the problem', async () => {
    const answer = await sidecar.get(`${TODAY}?mode=fast`, WALLBOARD_TOKEN);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/mode/);
    expect((await sidecar.get(`${TODAY}?day=monday`, WALLBOARD_TOKEN)).status).toBe(400);
  });

  test('anonymous 401; the roles with the wallboard get it; machine credentials are refused', async () => {
    expect((await sidecar.get(TODAY, null)).status).toBe(401);
    for (const role of ['admin', 'supervisor', 'manager', 'wallboard'])
      expect((await sidecar.get(TODAY, await sidecar.token(role))).status).toBe(200);
    expect((await sidecar.get(TODAY, TOKEN)).status).toBe(403);
    expect((await sidecar.get(TODAY, await sidecar.token('metrics'))).status).toBe(403);
  });
});

describe('a wallboard credential opens nothing else', () => {
  test('the board, conferences, admin, audit, status and metrics are refused; its own config and session answer', async () => {
    for (const token of [WALLBOARD_TOKEN, await sidecar.token('wallboard')]) {
      for (const path of [
        '/api/conferences',
        '/api/conferences/live-billing',
        '/api/admin/users',
        '/api/admin/tokens',
        '/api/audit',
        '/api/status',
        '/metrics',
      ])
        expect({ path, status: (await sidecar.get(path, token)).status }).toEqual({ path, status: 403 });
      expect((await sidecar.get('/api/config', token)).status).toBe(200);
      expect((await sidecar.get('/api/auth/session', token)).body).toMatchObject({ role: 'wallboard' });
    }
    const post = await fetch(`${sidecar.url}/api/admin/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${WALLBOARD_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(post.status).toBe(403);
  });
});
