import {
  PERMISSION_ACTIONS,
  permissions,
  type CallFacts,
  type ConferenceView,
  type PermissionAction,
} from '@/lib/conference';
import type { ConferenceSummary } from '@/lib/realtime';
import { partyName, roleText } from './party';

export const ACTION_WORD: Record<PermissionAction, string> = {
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  disconnect: 'Disconnect',
  add: 'Add a party',
  join: 'Join (all off hold)',
  swap: 'Swap',
};

const CALL_WIDE: readonly PermissionAction[] = ['add', 'join', 'swap'];

/** One decision and the parties it applies to (empty for the call-wide actions). */
export type Verdict = { allowed: boolean; rule: string; reason: string; targets: string[] };

export type ActionRow = { action: PermissionAction; label: string; verdicts: Verdict[] };

export type ActorPermissions = { id: string; name: string; role: string; actions: ActionRow[] };

type CallView = Pick<ConferenceView, 'mode' | 'canAdd' | 'swapAvailable'> & {
  participants: ConferenceSummary['participants'] | ConferenceView['participants'];
};

/** What `permissions` needs to know about the call as a whole (add, join, swap; R15 caller drop). */
export function callFacts(view: CallView): CallFacts {
  const counted = view.participants.filter((p) => p.role !== 'supervisor' && !p.ccpOnly);
  return {
    canAdd: view.canAdd,
    swapAvailable: view.swapAvailable,
    primaryPresent: counted.some((p) => p.primary && (p.state === 'connected' || p.state === 'hold')),
    anyHeld: counted.some((p) => p.state === 'hold'),
  };
}

/**
 * What each agent (and each barging supervisor) on the call may do in this mode and why: for every
 * action, the engine's decisions grouped so that parties with the same answer share one line.
 */
export function buildPermissionTable(view: CallView): ActorPermissions[] {
  const facts = callFacts(view);
  const active = view.participants.filter((p) => p.state !== 'disconnected' && !p.ccpOnly);
  const actors = active.filter(
    (p) => p.role === 'agent' || (p.role === 'supervisor' && p.monitorMode === 'barge'),
  );
  const targets = active.filter((p) => p.role !== 'supervisor');
  return actors.map((actor) => ({
    id: actor.id,
    name: partyName(actor),
    role: roleText(actor),
    actions: PERMISSION_ACTIONS.map((action) => {
      const verdicts: Verdict[] = [];
      const on = CALL_WIDE.includes(action) ? [actor] : targets;
      for (const target of on) {
        const d = permissions(view.mode, actor, target, action, facts);
        const name = CALL_WIDE.includes(action)
          ? []
          : [target.id === actor.id ? 'themselves' : partyName(target)];
        const same = verdicts.find(
          (v) => v.allowed === d.allowed && v.rule === d.rule && v.reason === d.reason,
        );
        if (same) same.targets.push(...name);
        else verdicts.push({ ...d, targets: name });
      }
      return { action, label: ACTION_WORD[action], verdicts };
    }),
  }));
}
