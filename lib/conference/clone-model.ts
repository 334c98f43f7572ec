import type { ConferenceModel, Leg, Participant } from './types';

/**
 * A copy of a model that folding can go on mutating without touching the original: every object a
 * step mutates (parties and their intervals, legs, alert records) is copied; what is only ever
 * appended or replaced (timeline entries, queue) is shared.
 */
export function cloneModel(model: ConferenceModel): ConferenceModel {
  const participants = new Map<string, Participant>();
  for (const [id, p] of model.participants) {
    participants.set(id, {
      ...p,
      holds: p.holds.map((i) => ({ ...i })),
      mutes: p.mutes.map((i) => ({ ...i })),
    });
  }
  const legs = new Map<string, Leg>();
  for (const [id, leg] of model.legs) legs.set(id, { ...leg });
  return {
    ...model,
    participants,
    legs,
    agentNames: new Map(model.agentNames),
    // Group lists are replaced whole, never mutated, so they can be shared.
    agentGroups: new Map(model.agentGroups),
    queues: new Map(model.queues),
    alerts: model.alerts.map((a) => ({ ...a })),
    timeline: model.timeline.slice(),
  };
}
