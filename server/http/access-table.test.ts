import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_EVENTS, type AckResult } from '@/lib/realtime';
import { RoleSchema, type Role } from '@/server/auth/roles';
import { connectBoardClient, startTestSidecar, type TestSidecar } from '@/server/test-helpers/test-sidecar';

/**
 * Issue 11: every route and every socket event × every role. The table is written by hand, so a
 * capability granted by mistake fails here; the routes come from the running app, so a route
 * added without a row here fails too.
 */

type Who = Role | 'anonymous';
type Row = {
  /** Who gets past the access check; 'public' is everyone, anonymous included. */
  allowed: 'public' | readonly Role[];
  /** The concrete path when the route has parameters. */
  path?: string;
  body?: unknown;
};

const PEOPLE_BOARD = ['admin', 'supervisor', 'manager'] as const;
const SIGNED_IN = RoleSchema.options;
const SERVER_INGEST = ['ingest', 'replay'] as const;
const REPORTS = ['admin', 'manager'] as const;

const ROUTES: Record<string, Row> = {
  'GET /healthz': { allowed: 'public' },
  'GET /metrics': { allowed: ['admin', 'metrics'] },
  'GET /api/status': { allowed: ['admin'] },
  'GET /api/config': { allowed: ['admin', 'supervisor', 'manager', 'wallboard'] },
  'GET /api/conferences': { allowed: PEOPLE_BOARD },
  'GET /api/conferences/:id/replay': {
    allowed: ['admin', 'supervisor', 'manager'],
    path: '/api/conferences/no-such-call/replay',
  },
  'GET /api/reports/daily': { allowed: REPORTS },
  'GET /api/reports/daily.csv': { allowed: REPORTS },
  'GET /api/reports/conferences': { allowed: REPORTS, path: '/api/reports/conferences?date=2026-11-23' },
  'GET /api/reports/heatmap': { allowed: REPORTS },
  'GET /api/reports/top': { allowed: REPORTS, path: '/api/reports/top?by=queues' },
  'GET /api/wallboard/today': { allowed: ['admin', 'supervisor', 'manager', 'wallboard'] },
  'GET /api/conferences/:id': { allowed: PEOPLE_BOARD, path: '/api/conferences/no-such-call' },
  'POST /ingest/contact-events': { allowed: SERVER_INGEST, body: [] },
  'POST /ingest/agent-events': { allowed: SERVER_INGEST, body: [] },
  'POST /ingest/ccp': { allowed: ['ingest', 'ccp-relay', 'replay'], body: [] },
  // Unknown streams answer 404 to anyone signed in (naming the streams there are).
  'POST /ingest/:stream': { allowed: SIGNED_IN, path: '/ingest/nonsense', body: [] },
  'POST /ingest/firehose/:stream': {
    allowed: SERVER_INGEST,
    path: '/ingest/firehose/contact-events',
    body: { requestId: 'r-1', timestamp: 1, records: [] },
  },
  'GET /api/auth/methods': { allowed: 'public' },
  'POST /api/auth/login': { allowed: 'public', body: {} },
  'GET /api/auth/session': { allowed: SIGNED_IN },
  'POST /api/auth/password': { allowed: SIGNED_IN, body: { current: 'x', next: 'y' } },
  'POST /api/auth/logout': { allowed: SIGNED_IN },
  'POST /api/auth/session/renew': { allowed: SIGNED_IN },
  'GET /api/auth/token': { allowed: 'public', path: '/api/auth/token?token=nope' },
  'GET /api/auth/oidc/start': { allowed: 'public' },
  'GET /api/auth/oidc/callback': { allowed: 'public' },
  'GET /api/admin/users': { allowed: ['admin'] },
  'POST /api/admin/users': { allowed: ['admin'], body: { name: 'new user!', role: 'supervisor' } },
  'POST /api/admin/users/:name/password': {
    allowed: ['admin'],
    path: '/api/admin/users/nobody/password',
    body: {},
  },
  'DELETE /api/admin/users/:name': { allowed: ['admin'], path: '/api/admin/users/nobody' },
  'GET /api/admin/tokens': { allowed: ['admin'] },
  'POST /api/admin/tokens': { allowed: ['admin'], body: { role: 'no-such-role' } },
  'DELETE /api/admin/tokens/:id': { allowed: ['admin'], path: '/api/admin/tokens/000000000000' },
  'GET /api/audit': { allowed: ['admin'] },
};

/** Socket events: who may connect, and what each event gives a role that may use it. */
const SOCKET_BOARD: readonly Role[] = ['admin', 'supervisor', 'manager', 'wallboard'];
const SOCKET_EVENTS: Record<string, readonly Role[]> = {
  [CLIENT_EVENTS.resync]: SOCKET_BOARD,
  [CLIENT_EVENTS.watch]: PEOPLE_BOARD,
  [CLIENT_EVENTS.unwatch]: PEOPLE_BOARD,
  [CLIENT_EVENTS.ack]: ['admin', 'supervisor'],
};

const WHO: readonly Who[] = [...RoleSchema.options, 'anonymous'];
const may = (row: Row, who: Who) =>
  row.allowed === 'public' || (who !== 'anonymous' && row.allowed.includes(who));

let sidecar: TestSidecar;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  sidecar = await startTestSidecar({
    SOCKET_RESYNC_MIN_MS: '0',
    SOCKET_MAX_WATCHED: '1',
    // The routes exist only with a provider configured; nothing listens there, which is fine here.
    OIDC_ISSUER: 'http://127.0.0.1:9/oidc',
    OIDC_CLIENT_ID: 'confwatch',
    OIDC_ALLOW_HTTP: 'true',
    PUBLIC_URL: 'http://127.0.0.1:3000',
  });
  for (const role of RoleSchema.options) tokens.set(role, await sidecar.token(role));
});
afterAll(() => sidecar.stop());

describe('role × route (issue 11)', () => {
  test('every route the app registers has a row in the table, and every row is a route', () => {
    const registered = sidecar.routes
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(registered)).toEqual(new Set(Object.keys(ROUTES)));
  });

  test('every route declares its access (a route without one is refused)', () => {
    for (const route of sidecar.routes.filter((r) => r.method !== 'OPTIONS'))
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  for (const [key, row] of Object.entries(ROUTES)) {
    test(`${key}: exactly its roles get through; others 403, anonymous 401`, async () => {
      const [method, url] = key.split(' ') as [string, string];
      const outcomes: Record<string, number> = {};
      const expected: Record<string, string> = {};
      for (const who of WHO) {
        const headers: Record<string, string> = {};
        if (who !== 'anonymous') headers.authorization = `Bearer ${tokens.get(who)}`;
        if (row.body !== undefined) headers['content-type'] = 'application/json';
        const res = await fetch(`${sidecar.url}${row.path ?? url}`, {
          method,
          headers,
          redirect: 'manual',
          ...(row.body !== undefined ? { body: JSON.stringify(row.body) } : {}),
        });
        await res.arrayBuffer();
        outcomes[who] = res.status;
        expected[who] = may(row, who) ? 'through' : who === 'anonymous' ? '401' : '403';
      }
      const seen = Object.fromEntries(
        Object.entries(outcomes).map(([who, status]) => [
          who,
          status === 401 || status === 403 ? String(status) : 'through',
        ]),
      );
      expect(seen, JSON.stringify(outcomes)).toEqual(expected);
    });
  }

  test('/healthz tells an anonymous caller only up and ready', async () => {
    const res = await sidecar.get('/healthz', null);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', ready: true });
  });

  test('a refused role is named in the 403 and audited', async () => {
    const res = await sidecar.get('/api/audit', tokens.get('manager'));
    expect(res.status).toBe(403);
    expect(res.body.error).toContain('manager');
    const audit = await sidecar.get('/api/audit?limit=1000');
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: 'denied', outcome: 'denied', target: 'GET /api/audit' }),
    );
  });
});

/** What a role's socket gets for each event, or why its handshake was refused. */
async function socketOutcomes(token: string | null): Promise<Record<string, 'through' | 'refused'> | string> {
  const client = connectBoardClient(sidecar.url, token);
  try {
    const connected = await new Promise<true | string>((resolve) => {
      client.socket.on('connect', () => resolve(true));
      client.socket.on('connect_error', (error) => resolve(error.message));
    });
    if (connected !== true) return connected;
    await client.until(() => client.snapshots.length === 1);
    const outcomes: Record<string, 'through' | 'refused'> = {};

    // A resync answers with a snapshot; messages are handled in order, so it also marks the end
    // of whatever the events before it caused.
    const roundTrip = async () => {
      const before = client.snapshots.length;
      client.socket.emit(CLIENT_EVENTS.resync);
      await client.until(() => client.snapshots.length > before);
    };
    await roundTrip();
    outcomes[CLIENT_EVENTS.resync] = 'through';

    client.socket.emit(CLIENT_EVENTS.watch, { id: 'call-a' });
    await roundTrip();
    outcomes[CLIENT_EVENTS.watch] = client.details.length > 0 ? 'through' : 'refused';
    // One conference may be watched at a time here (SOCKET_MAX_WATCHED=1): a second one is
    // answered only when the unwatch of the first went through.
    client.socket.emit(CLIENT_EVENTS.unwatch, { id: 'call-a' });
    client.socket.emit(CLIENT_EVENTS.watch, { id: 'call-b' });
    await roundTrip();
    outcomes[CLIENT_EVENTS.unwatch] = client.details.some((d) => d.id === 'call-b') ? 'through' : 'refused';

    const reply = await new Promise<AckResult>((resolve) =>
      client.socket.emit(
        CLIENT_EVENTS.ack,
        { conferenceId: 'no-such-call', kind: 'long-hold', raisedAt: new Date().toISOString() },
        resolve,
      ),
    );
    outcomes[CLIENT_EVENTS.ack] = !reply.ok && / may not /.test(reply.error) ? 'refused' : 'through';
    return outcomes;
  } finally {
    client.close();
  }
}

describe('role × socket event (issue 11)', () => {
  test('every client event of the contract has a row', () => {
    expect(new Set(Object.keys(SOCKET_EVENTS))).toEqual(new Set(Object.values(CLIENT_EVENTS)));
  });

  for (const who of WHO) {
    test(`${who}: the handshake and exactly its events`, async () => {
      const outcome = await socketOutcomes(who === 'anonymous' ? null : tokens.get(who)!);
      if (who === 'anonymous' || !SOCKET_BOARD.includes(who)) {
        expect(typeof outcome, JSON.stringify(outcome)).toBe('string');
        expect(outcome).toMatch(who === 'anonymous' ? /sign in/ : new RegExp(`${who} role`));
        return;
      }
      expect(outcome).toEqual(
        Object.fromEntries(
          Object.entries(SOCKET_EVENTS).map(([event, roles]) => [
            event,
            roles.includes(who) ? 'through' : 'refused',
          ]),
        ),
      );
    });
  }
});
