import { applyAbsenceFact, applyAgentFact } from './apply-agent-fact';
import { applyCcpEvent } from './apply-ccp-event';
import { applyContactEvent } from './apply-contact-event';
import { ALERT_SEVERITY, alertConditions } from './derive/alerts';
import { capFor, countedParticipants } from './derive/capacity';
import { isOver } from './derive/ending';
import type { Fact } from './facts';
import { agentId, customerId } from './participant-ids';
import type { AlertKind, ConferenceMode, EndReason } from './enums';
import type { ConferenceModel } from './types';

export function createModel(id: string, mode: ConferenceMode, startedAt: number): ConferenceModel {
  return {
    id,
    mode,
    customerKey: customerId(id),
    primaryKey: agentId(id),
    legs: new Map(),
    participants: new Map(),
    agentNames: new Map(),
    agentGroups: new Map(),
    queues: new Map(),
    startedAt,
    lastEventAt: startedAt,
    peakParticipants: 0,
    alerts: [],
    timeline: [],
    revision: 0,
    settledRevision: -1,
  };
}

/**
 * Applies one fact in fold order, then settles listing, peak, ending and alerts at its time. A fact
 * folded into the checkpoint behind the compaction line (O6) settles at the newest time the
 * checkpoint knows (the line) instead: an alert or an end is never placed in a past that the facts
 * folded after it have already told.
 */
export function stepFact(model: ConferenceModel, fact: Fact): void {
  switch (fact.source) {
    case 'contact':
      applyContactEvent(model, fact);
      break;
    case 'agent':
      applyAgentFact(model, fact);
      break;
    case 'absence':
      applyAbsenceFact(model, fact);
      break;
    case 'ccp':
      applyCcpEvent(model, fact);
      break;
  }
  model.lastEventAt = Math.max(model.lastEventAt, fact.at);
  settle(model, model.lastEventAt);
}

function settle(model: ConferenceModel, at: number): void {
  if (model.revision === model.settledRevision) return;
  model.settledRevision = model.revision;
  if (model.listedAt === undefined) {
    for (const p of model.participants.values()) {
      if (p.role === 'agent' && !p.ccpOnly && p.joinedAt !== undefined) model.listedAt = at;
    }
  }
  const counted = countedParticipants(model);
  model.peakParticipants = Math.max(model.peakParticipants, counted.length);
  const over = isOver(model, counted);
  if (over && model.endedAt === undefined) {
    model.endedAt = at;
    model.endReason = 'completed';
    model.timeline.push({ at, kind: 'ended' });
  } else if (!over && model.endedAt !== undefined && model.endReason === 'completed') {
    // A party that was dialled before the end but reported after it: the call was not over.
    delete model.endedAt;
    delete model.endReason;
  }
  updateAlerts(model, alertConditions(model, counted, capFor(model.mode)), at);
}

function updateAlerts(model: ConferenceModel, raised: Set<AlertKind>, at: number): void {
  const open = new Set<AlertKind>();
  for (const record of model.alerts) {
    if (record.clearedAt !== undefined) continue;
    if (raised.has(record.kind)) {
      open.add(record.kind);
      continue;
    }
    record.clearedAt = at;
    model.timeline.push({ at, kind: 'alert-cleared', alert: record.kind });
  }
  for (const kind of raised) {
    if (open.has(kind)) continue;
    model.alerts.push({ kind, severity: ALERT_SEVERITY[kind], raisedAt: at });
    model.timeline.push({ at, kind: 'alert-raised', alert: kind });
  }
}

/** Marks the call ended because nothing has been heard of it for too long (E5). */
export function endAsStale(model: ConferenceModel, at: number): void {
  closeModel(model, at, 'stale');
}

/** Ends the call at `at` unless it has already ended; clears every live alert. */
export function closeModel(model: ConferenceModel, at: number, reason: EndReason): void {
  if (model.endedAt !== undefined) return;
  model.endedAt = at;
  model.endReason = reason;
  model.timeline.push({ at, kind: 'ended' });
  updateAlerts(model, new Set(), at);
}
