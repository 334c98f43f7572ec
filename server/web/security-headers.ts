import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type PageSecurity = {
  /** Who may frame the pages (`FRAME_ANCESTORS`): none by default; a wallboard host's origin to embed. */
  frameAncestors: readonly string[];
  /** Development needs eval for hot reloading; production never allows it. */
  dev: boolean;
  /** Served over https (PUBLIC_URL, or the proxy in front says so): send HSTS. */
  https: (req: IncomingMessage) => boolean;
};

/**
 * Security headers for every page response: a Content-Security-Policy whose scripts need this
 * response's nonce (Next.js reads it from the request's own CSP header and puts it on its scripts),
 * nosniff, a referrer policy, no camera or microphone, and HSTS over https. Returns the nonce.
 */
export function applyPageSecurity(req: IncomingMessage, res: ServerResponse, options: PageSecurity): string {
  const nonce = randomBytes(16).toString('base64');
  const ancestors = options.frameAncestors.length > 0 ? options.frameAncestors.join(' ') : "'none'";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes (bar widths, positions): inline styles, never inline scripts.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-ancestors ${ancestors}`,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  req.headers['content-security-policy'] = csp;
  req.headers['x-nonce'] = nonce;
  res.setHeader('content-security-policy', csp);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  if (options.frameAncestors.length === 0) res.setHeader('x-frame-options', 'DENY');
  if (options.https(req)) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return nonce;
}
