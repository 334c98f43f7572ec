import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a high-entropy secret, hex: what the store keeps of tokens and session ids. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time equality of two strings (of any lengths). */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}

/** An API token: `cw_<id>_<secret>`; the id finds its row, the secret is compared by digest. */
export function generateToken(): { id: string; token: string } {
  const id = randomBytes(6).toString('hex');
  return { id, token: `cw_${id}_${randomBytes(24).toString('base64url')}` };
}

/** The id and secret of a token this confwatch made, or undefined for anything else. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = /^cw_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** A session id for a cookie: 32 random bytes. */
export function generateSessionId(): string {
  return randomBytes(32).toString('base64url');
}
