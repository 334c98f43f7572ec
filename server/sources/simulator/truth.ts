import type { ConferenceMode, ParticipantRole, ParticipantState } from '@/lib/conference';
import type { SimContext } from './context';
import type { Call, Party } from './model';
import { toIso } from './time';

export type TruthParty = {
  /** The engine's participant key: `c:<root>`, `a:<leg>`, `x:<leg>`, `s:<leg>`. */
  id: string;
  role: ParticipantRole;
  primary: boolean;
  contactId: string;
  agentArn: string | null;
  phoneNumber: string | null;
  state: ParticipantState;
  /** Muted by anyone, force-muted included. */
  muted: boolean;
};

export type TruthConference = {
  id: string;
  mode: ConferenceMode;
  /** The scenario the simulator played on this call (`two-party`, `mortgage-closing`, `cap-exceeded`, …). */
  scenario: string;
  parties: TruthParty[];
};

export type TruthSnapshot = { at: string; conferences: TruthConference[] };

function toTruthParty(party: Party): TruthParty {
  return {
    id: party.id,
    role: party.role,
    primary: party.primary,
    contactId: party.leg.contactId,
    agentArn: party.person?.arn ?? null,
    phoneNumber: party.phoneNumber,
    state: party.state,
    muted: party.muted || party.forcedMute,
  };
}

function toTruthConference(call: Call): TruthConference {
  return {
    id: call.rootId,
    mode: call.mode,
    scenario: call.scenario,
    parties: call.parties.map(toTruthParty),
  };
}

/** The true state now: every call an agent has answered that is not over, every party it has had. */
export function buildTruth(ctx: SimContext): TruthSnapshot {
  const conferences: TruthConference[] = [];
  for (const call of ctx.calls.values())
    if (call.listed && !call.ended) conferences.push(toTruthConference(call));
  return { at: toIso(ctx.clock.now()), conferences };
}
