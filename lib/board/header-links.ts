/** A page the header links to. */
export type HeaderLink = { href: string; label: string; current: boolean };

/** The pages of the app and the capability each needs (as the page gate asks). */
const PAGES = [
  { href: '/', label: 'Live board', capability: 'board:read' },
  { href: '/reports', label: 'Reports', capability: 'reports:read' },
] as const;

/**
 * The header's links for a caller with `capabilities`, the page at `path` marked current. None
 * until the session is known, and none when the caller may open only one page.
 */
export function headerLinks(capabilities: readonly string[] | undefined, path: string): HeaderLink[] {
  if (!capabilities) return [];
  const links = PAGES.filter((p) => capabilities.includes(p.capability)).map((p) => ({
    href: p.href,
    label: p.label,
    current: p.href === '/' ? path === '/' : path === p.href || path.startsWith(`${p.href}/`),
  }));
  return links.length > 1 ? links : [];
}
