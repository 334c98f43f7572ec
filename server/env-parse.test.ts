import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { hostName, isHostName, oneOf, port, showWithoutPassword, wholeNumber } from './env-fields';
import { allow, allowedOf, CONFIG_EXIT_CODE, EnvError, parseEnvironment } from './env-parse';

const Schema = z.object({
  PORT: port().default(80),
  COUNT: wholeNumber(1, 9).optional(),
  MODE: oneOf(['fast', 'slow']).default('slow'),
  LIST: allow(
    z
      .string()
      .transform((v) => v.split(','))
      .pipe(z.array(z.string().min(2))),
    'comma-separated words of two letters or more',
  ).default([]),
});

function linesOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).exitCode).toBe(CONFIG_EXIT_CODE);
    return (error as EnvError).lines;
  }
  throw new Error('expected an EnvError');
}

describe('parseEnvironment, the one env routine', () => {
  test('unset and empty variables take their defaults; variables not in the schema are ignored', () => {
    expect(parseEnvironment(Schema, { PORT: '', MODE: undefined, PATH: '/usr/bin' })).toEqual({
      PORT: 80,
      MODE: 'slow',
      LIST: [],
    });
  });

  test('one line per bad variable: its name, its value and what is allowed, never zod\'s "Invalid input"', () => {
    const lines = linesOf(() =>
      parseEnvironment(Schema, { PORT: 'abc', COUNT: '3.5', MODE: 'turbo', LIST: 'ab,c,d' }),
    );
    expect(lines).toEqual([
      'confwatch: PORT="abc" is not valid: a port number from 0 to 65535 (0: any free port)',
      'confwatch: COUNT="3.5" is not valid: a whole number from 1 to 9',
      'confwatch: MODE="turbo" is not valid: one of "fast" or "slow"',
      'confwatch: LIST="ab,c,d" is not valid: comma-separated words of two letters or more',
    ]);
    expect(lines.join('\n')).not.toMatch(/Invalid|expected/);
  });

  test('the sentence is found through default, optional and pipe wrappers', () => {
    for (const field of Object.values(Schema.shape)) expect(allowedOf(field)?.allowed).toBeTruthy();
    expect(allowedOf(z.string())).toBeUndefined();
  });
});

describe('the kinds of value', () => {
  test('a host is an IPv4 or IPv6 address or a DNS name', () => {
    for (const good of [
      '127.0.0.1',
      '0.0.0.0',
      '::',
      '::1',
      'fe80::1',
      'localhost',
      'db-1.example.com',
      'a.b.',
    ])
      expect(isHostName(good), good).toBe(true);
    for (const bad of [
      'not a host',
      '[::1]',
      '-lead.example',
      'trail-.example',
      'a..b',
      'x_y',
      `${'a'.repeat(64)}.io`,
    ])
      expect(isHostName(bad), bad).toBe(false);
    expect(hostName().safeParse('localhost').success).toBe(true);
  });

  test('a URL is shown with its password masked', () => {
    expect(showWithoutPassword('postgres://u:secret@db/x')).toBe('"postgres://u:***@db/x"');
    expect(showWithoutPassword('postgres://u:p/w@rd@db/x')).toBe('"postgres://u:***@db/x"');
    expect(showWithoutPassword('mysql://db/x')).toBe('"mysql://db/x"');
    expect(showWithoutPassword('u:secret@db')).toBe('(11 characters, not shown)');
  });
});
