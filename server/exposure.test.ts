import { describe, expect, test } from 'vitest';
import { isLoopbackHost, publicUrlWarning } from './exposure';

describe('listening beyond this machine', () => {
  test.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost', 'LOCALHOST', 'app.localhost'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  test.each(['0.0.0.0', '::', '192.0.2.2', 'fd00::2', 'confwatch.example.com', '128.0.0.1'])(
    '%s is not loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  test('without PUBLIC_URL, a host beyond this machine gets a warning naming the variable and the fix', () => {
    const warning = publicUrlWarning('HOST', '0.0.0.0', undefined);
    expect(warning).toMatch(/^confwatch: warning: HOST=0\.0\.0\.0 .*PUBLIC_URL is not set/);
    expect(warning).toMatch(/not marked Secure/);
    expect(publicUrlWarning('SIDECAR_HOST', '::', undefined)).toMatch(/SIDECAR_HOST=::/);
  });

  test('no warning on loopback, or with PUBLIC_URL set', () => {
    expect(publicUrlWarning('HOST', '127.0.0.1', undefined)).toBeUndefined();
    expect(publicUrlWarning('HOST', '0.0.0.0', 'https://confwatch.example.com')).toBeUndefined();
    expect(publicUrlWarning('HOST', '0.0.0.0', new URL('https://confwatch.example.com'))).toBeUndefined();
  });
});
