import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger, redactUrl, scrubText } from './log';
import { contactEvent } from './test-helpers/raw-builders';
import { startTestSidecar, TOKEN, type TestSidecar } from './test-helpers/test-sidecar';

/** A logger whose lines are kept in memory, as the process would write them to stdout. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger({ level: 'debug', name: 'test' }, sink) };
}

describe('what may be logged', () => {
  test('secret query values are redacted, the rest of the URL kept', () => {
    expect(redactUrl('/wallboard?view=kpis&token=abc123&theme=dark')).toBe(
      '/wallboard?view=kpis&token=[redacted]&theme=dark',
    );
    expect(redactUrl('/auth/callback?code=xyz&state=s1')).toBe(
      '/auth/callback?code=[redacted]&state=[redacted]',
    );
  });

  test('phone numbers are masked wherever they appear in text', () => {
    expect(scrubText('dialled +49 30 1234 5678 for the broker')).toBe('dialled [phone] for the broker');
    expect(scrubText('leg abc-123 at 2026-11-23T10:00:00Z, 6 parties')).toBe(
      'leg abc-123 at 2026-11-23T10:00:00Z, 6 parties',
    );
  });

  test('lines are JSON with a level, and a secret or phone number in a message never gets through', () => {
    const { lines, log } = capture();
    log.info(
      { token: 'sekrit-token-value' },
      'called back with +4930123456789 on /x?token=sekrit-token-value',
    );
    log.error({ err: new Error('customer +1 212 555 0199 hung up') }, 'failed');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((l) => l.level)).toEqual([30, 50]);
    const text = lines.join('\n');
    expect(text).not.toContain('sekrit-token-value');
    expect(text).not.toContain('4930123456789');
    expect(text).not.toContain('555 0199');
  });
});

describe('the sidecar logs', () => {
  let sidecar: TestSidecar;
  const { lines, log } = capture();
  beforeAll(async () => {
    sidecar = await startTestSidecar({}, undefined, log);
  });
  afterAll(() => sidecar.stop());

  test('one line per request with its id; no token or phone number from headers, query or body', async () => {
    await sidecar.post(
      'contact-events',
      contactEvent('INITIATED', 0, { root: 'log-1', phone: '+4930998877' }),
    );
    await fetch(`${sidecar.url}/api/conferences?token=${TOKEN}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const requests = lines
      .map((l) => JSON.parse(l) as { msg: string; reqId?: string })
      .filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.every((l) => typeof l.reqId === 'string')).toBe(true);
    const text = lines.join('\n');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('4930998877');
  });
});
