import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { ANONYMOUS } from '@/server/auth/identity';
import { createLogger } from '@/server/log';
import { createHttpApp } from './app';

test('a handler that throws is answered 500 without its message, logged once, and the app serves on', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createHttpApp({
    log: createLogger({ level: 'info' }, sink),
    auth: { resolve: async () => ANONYMOUS },
    audit: { record: async () => undefined },
    cookieSecret: 'a-cookie-secret-for-this-test-only-0123456789',
    trustProxy: ['127.0.0.1'],
    sameOrigin: () => true,
    ingestCorsOrigins: [],
    parseJson: (text) => JSON.parse(text) as unknown,
    requestTimeoutMs: 5_000,
  });
  app.get('/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internals +4930123456789');
  });
  app.get('/fine', { config: { access: 'public' } }, async () => ({ ok: true }));
  const boom = await app.inject({ url: '/boom' });
  expect(boom.statusCode).toBe(500);
  expect(boom.json()).toEqual({ error: 'internal error' });
  expect((await app.inject({ url: '/fine' })).json()).toEqual({ ok: true });
  const failures = lines
    .map((l) => JSON.parse(l) as { msg: string; level: number })
    .filter((l) => l.level >= 50);
  expect(failures.map((l) => l.msg)).toEqual(['request failed']);
  expect(lines.join('\n')).not.toContain('4930123456789');
  await app.close();
});
