import { createHmac, randomBytes } from 'node:crypto';
import type { ConferenceChange, ConferenceSummary } from '@/lib/realtime';
import { maskChangeForWallboard, maskSummaryForWallboard } from '@/lib/wallboard/wire-mask';

/**
 * The masking of the wallboard role's feed. A key that may be a phone number (a CCP-only external
 * party's id) becomes a keyed digest: stable while this sidecar runs, so the party keeps its id
 * from push to push, and unguessable, since phone numbers are too few to hide behind a plain hash.
 */
export function createWallboardMask(key: Buffer = randomBytes(32)) {
  const hide = (value: string) => createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
  return {
    card: (c: ConferenceSummary) => maskSummaryForWallboard(c, hide),
    change: (c: ConferenceChange) => maskChangeForWallboard(c, hide),
  };
}
