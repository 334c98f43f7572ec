import type { FastifyRequest } from 'fastify';
import type { OriginCheck } from './caller';

/**
 * A cookie-carrying change must come from the dashboard's own pages (CSRF): its `Origin` (or, if a
 * browser sent none, its `Referer`) must be `PUBLIC_URL`'s origin, or when that is not set, the
 * origin the request was addressed to (the web process forwards the host and scheme it was asked
 * on). SameSite=Lax cookies already keep most cross-site requests cookie-less; this closes the rest.
 */
export function createOriginCheck(publicUrl: string | undefined): OriginCheck {
  const configured = publicUrl ? new URL(publicUrl).origin : undefined;
  return (request: FastifyRequest) => {
    const claimed = request.headers.origin ?? originOf(request.headers.referer);
    if (!claimed || claimed === 'null') return false;
    return claimed === (configured ?? `${request.protocol}://${request.host}`);
  };
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * The same rule for a Socket.IO handshake, from its headers: `PUBLIC_URL`'s origin, else the host
 * the web process forwarded (`x-forwarded-host`, its last entry) or the `Host` header. Browsers
 * send no Origin on a same-origin polling GET (the handshake's first request) and always send one
 * on a WebSocket or cross-site request, which SameSite=Lax keeps cookie-less anyway: so only an
 * Origin that is there and foreign is refused.
 */
export function createHandshakeOriginCheck(publicUrl: string | undefined) {
  const configured = publicUrl ? new URL(publicUrl).origin : undefined;
  return (origin: string | undefined, headers: Record<string, string | string[] | undefined>): boolean => {
    if (origin === undefined) return true;
    if (origin === 'null') return false;
    if (configured) return origin === configured;
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);
    const forwarded = one(headers['x-forwarded-host'])?.split(',').at(-1)?.trim();
    const host = forwarded || one(headers.host);
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  };
}
