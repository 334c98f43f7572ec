import { describe, expect, test } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath: where a sign-in may go afterwards', () => {
  test.each([
    ['/', '/'],
    ['/wallboard', '/wallboard'],
    ['/conferences/root-1?tab=legs#audio', '/conferences/root-1?tab=legs#audio'],
    ['/reports?from=2026-01-01&to=2026-01-31', '/reports?from=2026-01-01&to=2026-01-31'],
    ['/a/./b/../c', '/a/c'],
    ['/search?q=%2F%2Fnot-a-host', '/search?q=%2F%2Fnot-a-host'],
  ])('keeps a path on this site: %j', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  test.each([
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['a carriage return', '/\r\n/evil.example'],
    ['a NUL', '/\u0000/evil.example'],
    ['DEL', '/\u007f/evil.example'],
    ['a backslash', '/\\evil.example'],
    ['slash backslash', '/\\/evil.example'],
    ['a protocol-relative URL', '//evil.example'],
    ['a protocol-relative URL with a path', '//evil.example/wallboard'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'wallboard'],
    ['an encoded tab', '/%09/evil.example'],
    ['an encoded newline', '/%0a/evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an encoded slash after the first', '/%2F/evil.example'],
    ['an encoded second slash', '/%2Fevil.example'],
    ['dot segments that leave "//"', '/..//evil.example'],
    ['a malformed escape', '/%E0%A4%A'],
    ['nothing', ''],
    ['far too long', `/${'a'.repeat(2_000)}`],
  ])('sends %s to /', (_what, raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });

  test('null and undefined go to /', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
  });
});
