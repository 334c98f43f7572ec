import { capFor, type ConferenceMode } from '@/lib/conference';
import type { ConnectApi } from './connect-api';

export type ModeCheck = { multiParty: boolean; matches: boolean; warning: string | undefined };

/** Reads MULTI_PARTY_CONFERENCE and compares it with CONFERENCE_MODE: a wrong mode means a wrong cap (R1). */
export async function checkInstanceMode(api: ConnectApi, expected: ConferenceMode): Promise<ModeCheck> {
  const multiParty = await api.describeMultiParty();
  const matches = multiParty === (expected === 'multi-party');
  return { multiParty, matches, warning: matches ? undefined : describeModeMismatch(multiParty, expected) };
}

/** What to tell whoever runs the sidecar when the instance and CONFERENCE_MODE disagree. */
export function describeModeMismatch(multiParty: boolean, expected: ConferenceMode): string {
  const cap = `the cap shown (${capFor(expected)}) is wrong`;
  if (!multiParty)
    return (
      `the instance has multi-party calling off but CONFERENCE_MODE=${expected}: ${cap}; set ` +
      'CONFERENCE_MODE=three-party or switch MULTI_PARTY_CONFERENCE on (UpdateInstanceAttribute in GovCloud, R30)'
    );
  return (
    `the instance has multi-party calling on but CONFERENCE_MODE=${expected}: ${cap}; ` +
    'set CONFERENCE_MODE=multi-party (R1)'
  );
}
