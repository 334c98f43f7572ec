import { SessionInfoSchema, type SessionInfo } from '@/lib/realtime';

/** Pages anyone may load: the sign-in page and what it is built from (no data in any of it). */
const PUBLIC = [/^\/login\/?$/, /^\/_next\/static\//, /^\/_next\/image/, /^\/icon\.svg$/, /^\/favicon\.ico$/];

/** What each page needs, first match wins; the sidecar checks the data behind it again. */
const PAGES: [RegExp, string][] = [
  [/^\/wallboard(\/|$)/, 'wallboard:read'],
  [/^\/reports(\/|$)/, 'reports:read'],
  [/^\/conferences\/[^/]+\/replay\/?$/, 'replay:read'],
  [/^\/admin(\/|$)/, 'admin'],
  [/^\//, 'board:read'],
];

/** The capability a page needs (the sidecar audits a page refused for want of it). */
export function pageCapability(path: string): string {
  return PAGES.find(([pattern]) => pattern.test(path))![1];
}

export type GateDecision =
  | { kind: 'pass' }
  | { kind: 'redirect'; location: string }
  | { kind: 'forbidden'; session: SessionInfo; needs: string };

/** The page a role lands on when it opens a page it may not see. */
const HOME: [string, string][] = [
  ['board:read', '/'],
  ['wallboard:read', '/wallboard'],
  ['reports:read', '/reports'],
];

/**
 * Who may load a page, decided before Next.js renders it: anonymous browsers go to /login (and
 * come back afterwards), a kiosk's `?token=…` is exchanged for a session cookie and dropped from
 * the address bar, a one-time password must be changed first, and a role without the page's
 * capability is sent to a page it has (a wallboard screen to /wallboard) or refused.
 */
export async function decidePage(
  url: string,
  lookUpSession: () => Promise<unknown | null>,
): Promise<GateDecision> {
  const parsed = new URL(url, 'http://page.invalid');
  const path = parsed.pathname;
  if (PUBLIC.some((p) => p.test(path))) return { kind: 'pass' };
  const token = parsed.searchParams.get('token');
  if (token) {
    parsed.searchParams.delete('token');
    const next = `${path}${parsed.search}`;
    return {
      kind: 'redirect',
      location: `/api/auth/token?token=${encodeURIComponent(token)}&next=${encodeURIComponent(next)}`,
    };
  }
  const next = encodeURIComponent(`${path}${parsed.search}`);
  const raw = await lookUpSession();
  const session = raw === null ? null : SessionInfoSchema.safeParse(raw).data;
  if (!session) return { kind: 'redirect', location: `/login?next=${next}` };
  if (session.mustChangePassword) return { kind: 'redirect', location: `/login?change=1&next=${next}` };
  const needs = pageCapability(path);
  if (session.capabilities.includes(needs)) return { kind: 'pass' };
  const home = HOME.find(([capability]) => session.capabilities.includes(capability))?.[1];
  if (home && home !== path) return { kind: 'redirect', location: home };
  return { kind: 'forbidden', session, needs };
}
