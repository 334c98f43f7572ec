import type { LegLabel, LegStatus } from './enums';
import type { InitiationMethod } from './events';
import { participantState } from './participant-state';
import type { ConferenceModel, Leg, Participant } from './types';

export type ContactTreeNode = {
  contactId: string;
  previousContactId: string | null;
  /** R28: the inviting leg's record keeps only the last leg it invited. */
  nextContactId: string | null;
  method: InitiationMethod | null;
  participantIds: string[];
  status: LegStatus;
  label: LegLabel | null;
  initiatedAt: number | null;
  connectedAt: number | null;
  disconnectedAt: number | null;
  contactLens: boolean | null;
  children: ContactTreeNode[];
};

/**
 * The contact-id tree of a conference (R28): the root (the customer's first contact) with every
 * added leg under the leg whose `previousContactId` invited it. A leg whose inviter is unknown hangs
 * from the root.
 */
export function buildContactTree(model: ConferenceModel): ContactTreeNode {
  const parties = new Map<string, Participant[]>();
  for (const p of model.participants.values()) {
    if (p.ccpOnly) continue;
    const list = parties.get(p.contactId) ?? [];
    list.push(p);
    parties.set(p.contactId, list);
  }
  const nodes = new Map<string, ContactTreeNode>();
  const legs = [...model.legs.values()].sort(byInitiation);
  if (!model.legs.has(model.id)) legs.unshift({ contactId: model.id, contactLens: null });
  for (const leg of legs) nodes.set(leg.contactId, toNode(model, leg, parties.get(leg.contactId) ?? []));
  const root = nodes.get(model.id)!;
  for (const leg of legs) {
    if (leg.contactId === model.id) continue;
    const parentId =
      leg.previousContactId && nodes.has(leg.previousContactId) ? leg.previousContactId : model.id;
    const parent = nodes.get(parentId)!;
    parent.children.push(nodes.get(leg.contactId)!);
    parent.nextContactId = leg.contactId;
  }
  return root;
}

function toNode(model: ConferenceModel, leg: Leg, parties: Participant[]): ContactTreeNode {
  return {
    contactId: leg.contactId,
    previousContactId: leg.contactId === model.id ? null : (leg.previousContactId ?? model.id),
    nextContactId: null,
    method: leg.method ?? null,
    participantIds: parties.map((p) => p.id),
    status: legStatus(leg, parties),
    label: leg.contactId === model.id ? 'initial' : labelLeg(model, leg, parties),
    initiatedAt: leg.initiatedAt ?? null,
    connectedAt: leg.connectedAt ?? null,
    disconnectedAt: leg.disconnectedAt ?? null,
    contactLens: leg.contactLens,
    children: [],
  };
}

function legStatus(leg: Leg, parties: Participant[]): LegStatus {
  const states = parties.filter((p) => p.role !== 'customer').map(participantState);
  if (states.length === 0)
    return leg.disconnectedAt !== undefined ? 'left' : leg.connectedAt !== undefined ? 'joined' : 'dialing';
  if (states.some((s) => s === 'connected' || s === 'hold')) return 'joined';
  if (states.some((s) => s === 'dialing')) return 'dialing';
  return 'left';
}

function byInitiation(a: Leg, b: Leg): number {
  const at = (a.initiatedAt ?? Infinity) - (b.initiatedAt ?? Infinity);
  if (at !== 0 && !Number.isNaN(at)) return at;
  return a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0;
}

/**
 * R29, by the contact-record rules: once a leg and the leg that invited it have both ended, the leg
 * was a **transfer** if the inviting agent left first (or a transfer-completed time is recorded);
 * otherwise a **consult** if the caller was on hold for (nearly) the whole time the leg was
 * connected, and a **conference** if the caller could hear the added party. Hold comes from the
 * observed hold intervals, else from the inviting leg's `agentInitiatedHoldDuration`. Legs still live, or never answered, get
 * no label.
 */
export function labelLeg(model: ConferenceModel, leg: Leg, parties: Participant[]): LegLabel | null {
  const party = parties.find((p) => p.role !== 'customer');
  if (!party || party.joinedAt === undefined || party.leftAt === undefined) return null;
  const inviterLeg = model.legs.get(leg.previousContactId ?? model.id);
  const inviter = inviterLeg && invitingAgent(model, inviterLeg.contactId);
  if (!inviter || inviter.leftAt === undefined) return null;
  if (inviterLeg.transferCompletedAt !== undefined) return 'transfer';
  const inviterLeftAt = inviterLeg.acwStartAt ?? inviter.leftAt;
  const legLeftAt = leg.acwStartAt ?? party.leftAt;
  if (inviterLeftAt < legLeftAt) return 'transfer';
  const heldMs =
    customerHeldMs(model, party.joinedAt, party.leftAt) ?? (inviterLeg.holdDurationSec ?? 0) * 1000;
  return heldMs >= (party.leftAt - party.joinedAt) * 0.95 ? 'consult' : 'conference';
}

function invitingAgent(model: ConferenceModel, contactId: string): Participant | undefined {
  return model.participants.get(`a:${contactId}`);
}

/** How long the caller was held while the leg was connected; undefined if no source reported hold. */
function customerHeldMs(model: ConferenceModel, from: number, to: number): number | undefined {
  const customer = model.participants.get(`c:${model.id}`);
  if (!customer || customer.holds.length === 0) return undefined;
  let covered = 0;
  for (const hold of customer.holds) {
    const start = Math.max(hold.from, from);
    const end = Math.min(hold.to ?? customer.leftAt ?? to, to);
    if (end > start) covered += end - start;
  }
  return covered;
}
