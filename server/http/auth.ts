import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Ingest callers prove themselves with `Authorization: Bearer <token>`, or with `x-api-key: <token>`
 * (what an EventBridge API destination with API-key authorization sends).
 */
export function hasIngestToken(req: IncomingMessage, token: string): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  const apiKey = req.headers['x-api-key'];
  const offered = bearer ?? (typeof apiKey === 'string' ? apiKey.trim() : undefined);
  if (!offered) return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
