import { createHmac } from 'node:crypto';

/**
 * How the audit log names a user name nobody has: people sometimes type their password into the
 * user field, so the typed text is never stored — only a short keyed digest of it, enough to see
 * the same unknown name come back without being able to recover it.
 */
export function unknownUserActor(typed: string, key: string): string {
  const tag = createHmac('sha256', key).update(typed.trim().toLowerCase()).digest('hex').slice(0, 8);
  return `(unknown user) #${tag}`;
}
