import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { holdPort, runEntry } from './test-helpers/node-entry';

const root = mkdtempSync(join(tmpdir(), 'confwatch-bad-settings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Case = { env: Record<string, string>; lines: string[] };

/** Exit code 2, exactly the expected lines on stderr, no stack trace, nothing on stdout. */
function expectRefused(result: { code: number | null; stdout: string; stderr: string }, lines: string[]) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual(lines);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).not.toMatch(/listening/);
}

describe('a bad setting stops the sidecar with one line and exit code 2', () => {
  const cases: Case[] = [
    {
      env: { HOST: 'not a host' },
      lines: [
        'confwatch: HOST="not a host" is not valid: an IPv4 or IPv6 address (without brackets) or a host name, e.g. 127.0.0.1, 0.0.0.0, :: or localhost',
      ],
    },
    {
      env: { SIDECAR_PORT: '99999' },
      lines: [
        'confwatch: SIDECAR_PORT="99999" is not valid: a port number from 0 to 65535 (0: any free port)',
      ],
    },
    {
      env: { REPLAY_SPEED: 'fast' },
      lines: ['confwatch: REPLAY_SPEED="fast" is not valid: a number from 0.01 to 10000, or "max"'],
    },
    {
      env: { SIM_SPEED: 'quick', CONFERENCE_MODE: 'five-party', LONG_HOLD_SECONDS: '-1' },
      lines: [
        'confwatch: CONFERENCE_MODE="five-party" is not valid: one of "multi-party" or "three-party"',
        'confwatch: LONG_HOLD_SECONDS="-1" is not valid: a whole number from 1 to 86400',
        'confwatch: SIM_SPEED="quick" is not valid: a number from 0.1 to 1000',
      ],
    },
    {
      env: { SOURCE: 'replay', REPLAY_FILE: join(root, 'missing.jsonl') },
      lines: [`confwatch: REPLAY_FILE="${join(root, 'missing.jsonl')}" cannot be read (ENOENT)`],
    },
  ];

  test('HOST, SIDECAR_PORT, REPLAY_SPEED, several at once, a missing REPLAY_FILE: before the store opens or a port is bound', async () => {
    const results = await Promise.all(
      cases.map((c, i) =>
        runEntry('server/index.ts', [], {
          DATA_DIR: join(root, `sidecar-${i}`),
          SIDECAR_PORT: '0',
          ...c.env,
        }),
      ),
    );
    results.forEach((result, i) => {
      expectRefused(result, cases[i]!.lines);
      expect(existsSync(join(root, `sidecar-${i}`))).toBe(false);
    });
  }, 120_000);

  test('a port another program holds is a configuration problem too, not a restart loop', async () => {
    const held = await holdPort();
    try {
      const result = await runEntry('server/index.ts', [], {
        DATA_DIR: join(root, 'held'),
        SOURCE: 'none',
        HOST: '127.0.0.1',
        SIDECAR_PORT: String(held.port),
        INGEST_TOKEN: 'a-token-for-this-test-only',
      });
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd()).toBe(
        `confwatch: SIDECAR_PORT=${held.port} on HOST="127.0.0.1" is already in use: stop what holds it or choose another port`,
      );
    } finally {
      await held.release();
    }
  }, 60_000);
});

describe('a bad setting stops the web process with one line and exit code 2', () => {
  test('WEB_PORT, HOST, SIDECAR_URL, SIDECAR_PORT: before Next.js is prepared or a port is bound', async () => {
    const cases: Case[] = [
      {
        env: { WEB_PORT: 'abc' },
        lines: ['confwatch: WEB_PORT="abc" is not valid: a port number from 0 to 65535 (0: any free port)'],
      },
      {
        env: { HOST: 'not a host', SIDECAR_URL: 'ftp://sidecar' },
        lines: [
          'confwatch: HOST="not a host" is not valid: an IPv4 or IPv6 address (without brackets) or a host name, e.g. 127.0.0.1, 0.0.0.0, :: or localhost',
          'confwatch: SIDECAR_URL="ftp://sidecar" is not valid: an http:// or https:// URL, e.g. http://127.0.0.1:4000',
        ],
      },
      {
        env: { SIDECAR_PORT: '0' },
        lines: ['confwatch: SIDECAR_PORT="0" is not valid: a port number from 1 to 65535'],
      },
    ];
    const results = await Promise.all(cases.map((c) => runEntry('server/web/index.ts', [], c.env)));
    results.forEach((result, i) => expectRefused(result, cases[i]!.lines));
  }, 120_000);
});
