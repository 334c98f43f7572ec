import type { ConferenceMode, ParticipantRole, ParticipantState } from './enums';
import type { MonitorMode } from './events';
import type { RuleDecision } from './view-schema';

export type PermissionAction = 'hold' | 'resume' | 'mute' | 'unmute' | 'disconnect' | 'add' | 'join' | 'swap';

export const PERMISSION_ACTIONS: readonly PermissionAction[] = [
  'hold',
  'resume',
  'mute',
  'unmute',
  'disconnect',
  'add',
  'join',
  'swap',
];

/** What the rules need to know about a party (a `ParticipantView` is one). */
export type Party = {
  id: string;
  role: ParticipantRole;
  primary: boolean;
  state: ParticipantState;
  muted: boolean | null;
  forcedMute: boolean | null;
  monitorMode?: MonitorMode | null;
  /** The agent whose leg invited this party (R8); null for the caller and the primary agent. */
  addedBy: string | null;
};

/** What the rules need to know about the call for add, join and swap. */
export type CallFacts = {
  canAdd: RuleDecision;
  swapAvailable: boolean;
  primaryPresent: boolean;
  anyHeld: boolean;
};

/** A decision with the rule (R7–R21) that settles it: the same shape as the view's `canAdd`. */
export type PermissionDecision = RuleDecision;

const allow = (rule: string, reason: string): PermissionDecision => ({ allowed: true, rule, reason });
const deny = (rule: string, reason: string): PermissionDecision => ({ allowed: false, rule, reason });

const present = (p: Party) => p.state === 'connected' || p.state === 'hold';

/**
 * May `actor` do `action` to `target` in this mode? Returns the rule (R7–R21) that decides it and
 * the reason in plain words. `target` is ignored for the call-wide actions add, join and swap.
 */
export function permissions(
  mode: ConferenceMode,
  actor: Party,
  target: Party,
  action: PermissionAction,
  call: CallFacts,
): PermissionDecision {
  if (actor.role === 'supervisor') return supervisorPermission(actor, target, action);
  if (actor.role !== 'agent') return deny('R8', 'only agents control the call');
  if (!present(actor))
    return deny('R8', 'an agent controls the call only once it has accepted and until it leaves');
  switch (action) {
    case 'add':
      return call.canAdd.allowed
        ? allow(call.canAdd.rule, call.canAdd.reason)
        : deny(call.canAdd.rule, call.canAdd.reason);
    case 'join':
      if (!call.anyHeld) return deny('R20', 'nobody is on hold to join');
      return allow('R20', 'join takes every party off hold');
    case 'swap':
      return call.swapAvailable
        ? allow('R21', 'swap toggles between the held parties and the new one')
        : deny('R21', 'swap is offered only with exactly three participants, one of them on hold');
  }
  if (target.state === 'disconnected') return deny('R8', 'that party has left');
  if (target.role === 'supervisor') return deny('R2', 'supervisors are not parties the agents control');
  switch (action) {
    case 'hold':
      return holdOrResume(mode, actor, target, 'hold');
    case 'resume':
      return holdOrResume(mode, actor, target, 'resume');
    case 'mute':
      return mute(mode, actor, target);
    case 'unmute':
      return unmute(mode, actor, target);
    case 'disconnect':
      return disconnect(mode, actor, target, call);
  }
}

/** In three-party mode an agent controls the parties it added; the primary also the caller (R8, R9). */
function controls(actor: Party, target: Party): boolean {
  return target.addedBy === actor.id || (actor.primary && target.role === 'customer');
}

function holdOrResume(
  mode: ConferenceMode,
  actor: Party,
  target: Party,
  action: 'hold' | 'resume',
): PermissionDecision {
  if (action === 'hold' && target.state !== 'connected')
    return deny('R9', 'only a connected party can be put on hold');
  if (action === 'resume' && target.state !== 'hold') return deny('R10', 'that party is not on hold');
  if (target.id === actor.id) {
    if (action === 'hold') return deny('R9', 'an agent holds other parties, not itself');
    if (mode === 'multi-party') return allow('R10', 'every agent can take itself off hold');
    return actor.primary
      ? allow('R10', 'the primary agent can take itself off hold')
      : deny('R10', 'a secondary agent put on hold by the primary cannot take itself off hold');
  }
  if (mode === 'multi-party') return allow('R9', 'any agent can hold or resume any party');
  return controls(actor, target)
    ? allow('R9', 'an agent can hold the parties it added')
    : deny('R9', 'in three-party mode an agent can hold only the parties it added');
}

function mute(mode: ConferenceMode, actor: Party, target: Party): PermissionDecision {
  if (target.muted === true) return deny('R12', 'already muted');
  if (target.id === actor.id) return allow('R12', 'every agent can mute itself');
  return mode === 'multi-party'
    ? allow('R12', 'any agent can mute any other participant')
    : deny('R12', 'in three-party mode agents can mute only themselves');
}

function unmute(mode: ConferenceMode, actor: Party, target: Party): PermissionDecision {
  if (target.id === actor.id) {
    if (actor.forcedMute === true)
      return deny('R18', 'force-muted by a supervisor until it unmutes the agent or leaves');
    return allow('R13', 'an agent can unmute itself');
  }
  if (target.role === 'agent') return deny('R13', 'an agent can never unmute another agent');
  return mode === 'multi-party'
    ? allow('R13', 'an agent may unmute a caller or external party')
    : deny('R13', 'in three-party mode an agent can unmute only itself');
}

function disconnect(mode: ConferenceMode, actor: Party, target: Party, call: CallFacts): PermissionDecision {
  if (target.id === actor.id) return allow('R25', 'an agent can always leave and let the others continue');
  if (mode === 'multi-party') {
    return target.role === 'agent'
      ? allow('R17', 'any agent can disconnect every other agent, even before a warm transfer completes')
      : allow('R15', 'every agent can disconnect every other participant');
  }
  if (actor.primary) return allow('R15', 'the primary agent can disconnect a party');
  if (target.role === 'customer' && !call.primaryPresent) {
    return allow('R15', 'the primary agent has left, so a secondary agent may disconnect the caller');
  }
  return deny('R15', 'in three-party mode only the primary agent can disconnect a party');
}

/** R18: a barging supervisor can force-mute agents and lift it; a silent monitor only listens. */
function supervisorPermission(actor: Party, target: Party, action: PermissionAction): PermissionDecision {
  if (actor.monitorMode !== 'barge') return deny('R2', 'a silently monitoring supervisor only listens');
  if (target.role !== 'agent' || target.state === 'disconnected')
    return deny('R18', 'a supervisor force-mutes agents only');
  if (action === 'mute') return allow('R18', 'a barging supervisor can force-mute an agent');
  if (action === 'unmute') return allow('R18', 'the supervisor can lift a force-mute');
  return deny('R18', 'a supervisor can only force-mute or unmute agents');
}
