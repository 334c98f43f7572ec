import { isCounted, isPresent } from '../participant-state';
import type { ConferenceMode } from '../enums';
import type { ConferenceModel, Participant } from '../types';
import type { RuleDecision } from '../view-schema';

/** R1: six parties with multi-party calling, three without; supervisors are never counted (R2). */
export function capFor(mode: ConferenceMode): number {
  return mode === 'multi-party' ? 6 : 3;
}

export function countedParticipants(model: ConferenceModel): Participant[] {
  const counted: Participant[] = [];
  for (const p of model.participants.values()) if (isCounted(p)) counted.push(p);
  return counted;
}

export type Capacity = {
  cap: number;
  activeParticipants: number;
  slotsLeft: number;
  /** A party is being dialled: in multi-party mode nobody may add another until it ends (R4). */
  dialing: boolean;
  canAdd: RuleDecision;
  /** Swap is offered only with exactly three participants (R21). */
  swapAvailable: boolean;
};

export function deriveCapacity(model: ConferenceModel): Capacity {
  const counted = countedParticipants(model);
  const cap = capFor(model.mode);
  const active = counted.length;
  const dialing = counted.some((p) => p.stage === 'dialing');
  return {
    cap,
    activeParticipants: active,
    slotsLeft: Math.max(0, cap - active),
    dialing,
    canAdd: decideAdd(model, counted, cap, dialing),
    swapAvailable: active === 3 && counted.some((p) => p.onHold),
  };
}

function decideAdd(
  model: ConferenceModel,
  counted: Participant[],
  cap: number,
  dialing: boolean,
): RuleDecision {
  const active = counted.length;
  if (model.endedAt !== undefined) return deny('E1', 'the call has ended');
  if (!counted.some((p) => p.role === 'agent' && isPresent(p)))
    return deny('R3', 'no agent is on the call to add a party');
  if (active >= cap) {
    return model.mode === 'multi-party'
      ? deny('R1', `the call already has ${active} of ${cap} parties`)
      : deny('R3', 'three-party mode allows one added party (three in all)');
  }
  if (model.mode === 'multi-party' && dialing) return deny('R4', 'a party is still being dialled');
  const customer = [...model.participants.values()].find((p) => p.role === 'customer');
  if (customer && customer.stage === 'disconnected' && active < 3) {
    return deny('R5', 'after the caller hangs up, parties can be added only with three or more on the call');
  }
  const primary = [...model.participants.values()].find((p) => p.primary);
  if (primary && primary.stage === 'disconnected' && active < 3) {
    return deny('R6', 'the primary agent has left: adding needs three or more on the call');
  }
  return { allowed: true, rule: 'R3', reason: `${cap - active} of ${cap} places left` };
}

function deny(rule: string, reason: string): RuleDecision {
  return { allowed: false, rule, reason };
}
