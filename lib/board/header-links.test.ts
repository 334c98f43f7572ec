import { expect, test } from 'vitest';
import { headerLinks } from './header-links';

test('a manager sees the board and Reports, the page open marked; a supervisor no Reports link', () => {
  const manager = ['board:read', 'reports:read', 'replay:read'];
  expect(headerLinks(manager, '/reports')).toEqual([
    { href: '/', label: 'Live board', current: false },
    { href: '/reports', label: 'Reports', current: true },
  ]);
  expect(headerLinks(manager, '/').map((l) => l.current)).toEqual([true, false]);
  expect(headerLinks(manager, '/conferences/abc').map((l) => l.current)).toEqual([false, false]);
  expect(headerLinks(['board:read', 'replay:read', 'alerts:ack'], '/')).toEqual([]);
  expect(headerLinks(undefined, '/')).toEqual([]);
});
