import { io, type Socket } from 'socket.io-client';
import { SERVER_EVENTS, SOCKET_PATH } from '@/lib/realtime';

/** Signs in with a password as a browser would; the session cookie (`name=value`) or the refusal. */
export async function signIn(
  url: string,
  username: string,
  password: string,
  fromAddress?: string,
): Promise<{ status: number; cookie?: string; body: any; setCookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(fromAddress ? { 'x-forwarded-for': fromAddress } : {}),
    },
    body: JSON.stringify({ username, password }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /^(confwatch_session=[^;]+)/.exec(setCookie)?.[1];
  return {
    status: res.status,
    body: await res.json().catch(() => null),
    setCookie,
    ...(cookie ? { cookie } : {}),
  };
}

/** A request carrying a session cookie (and, for a change, the browser's Origin). */
export async function withCookie(
  url: string,
  path: string,
  cookie: string,
  init: { method?: string; origin?: string | null; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const origin = init.origin === undefined ? url : init.origin;
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      cookie,
      ...(origin ? { origin } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** A socket that authenticates as a browser does: with its cookie, and an Origin when given. */
export function cookieSocket(url: string, cookie: string, origin?: string): Socket {
  return io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie, ...(origin ? { origin } : {}) },
  });
}

/** Whether a socket connects, or the handshake's refusal. */
export function handshake(socket: Socket): Promise<true | string> {
  return new Promise((resolve) => {
    socket.on('connect', () => resolve(true));
    socket.on('connect_error', (error) => resolve(error.message));
  });
}

/** Resolves with the `ended` reason and the time it took once the server disconnects `socket`. */
export function serverEnds(socket: Socket): Promise<{ reason: string | undefined; afterMs: number }> {
  const started = Date.now();
  let reason: string | undefined;
  socket.on(SERVER_EVENTS.ended, (notice: { reason: string }) => (reason = notice.reason));
  return new Promise((resolve) =>
    socket.on('disconnect', (why) => {
      if (why === 'io server disconnect') resolve({ reason, afterMs: Date.now() - started });
    }),
  );
}
