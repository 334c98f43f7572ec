import { applyEvent, conferenceView, createEngine, type ParticipantState } from '@/lib/conference';
import { createNormalizeContext } from '@/server/ingest/normalize-context';
import { NORMALIZERS } from '@/server/ingest/streams';
import type { RecordedItem } from '../recording';
import type { SimulatorConfig } from './config';
import { createSimulator } from './simulator';
import type { TruthSnapshot } from './truth';

export type TruthScore = {
  /** Party-seconds compared: parties whose true state held still for the whole settle window. */
  compared: number;
  matching: number;
  accuracy: number;
  /** Of the parties whose mute a CCP reported, how often the engine's mute flag matches. */
  muteCompared: number;
  muteMatching: number;
  samples: string[];
};

/**
 * Runs the simulator for `minutes`, feeds everything it delivers through ingest normalization and
 * the engine in delivery order, and compares the engine's picture with the simulator's truth once a
 * simulated second. A party is compared at second t when its true state was the same from
 * t - settle to t + settle, and the engine is read after everything delivered by t + settle, so
 * delivery latency is not counted as error; event loss and reordering are.
 */
export function scoreAgainstTruth(
  config: Partial<SimulatorConfig>,
  minutes: number,
  settleSeconds = 4,
): TruthScore {
  const simulator = createSimulator(config);
  const start = config.startAt ?? Date.parse('2026-11-23T09:00:00Z');
  const truths: TruthSnapshot[] = [];
  const deliveries: RecordedItem[][] = [];
  for (let s = 1; s <= minutes * 60; s++) {
    deliveries.push(simulator.advance(start + s * 1000));
    truths.push(simulator.truth());
  }
  const engine = createEngine({ mode: config.mode ?? 'multi-party' });
  const score: TruthScore = {
    compared: 0,
    matching: 0,
    accuracy: 1,
    muteCompared: 0,
    muteMatching: 0,
    samples: [],
  };
  const trueState = (s: number, conference: string, party: string): ParticipantState | undefined =>
    truths[s]?.conferences.find((c) => c.id === conference)?.parties.find((p) => p.id === party)?.state;

  let delivered = 0;
  for (let s = settleSeconds; s < truths.length - settleSeconds; s++) {
    for (; delivered <= s + settleSeconds; delivered++) {
      for (const item of deliveries[delivered] ?? []) {
        const now = start + (delivered + 1) * 1000;
        const normalized = NORMALIZERS[item.stream](item.payload, createNormalizeContext(now));
        if (normalized.kind === 'event') applyEvent(engine, normalized.event, now);
      }
    }
    for (const conference of truths[s]!.conferences) {
      const view = conferenceView(engine, conference.id, start + s * 1000);
      for (const party of conference.parties) {
        let stable = true;
        for (let w = s - settleSeconds; w <= s + settleSeconds && stable; w++) {
          stable = trueState(w, conference.id, party.id) === party.state;
        }
        if (!stable) continue;
        score.compared += 1;
        const seen = view?.participants.find((p) => p.id === party.id);
        if (seen?.state === party.state) score.matching += 1;
        else if (score.samples.length < 10) {
          score.samples.push(
            `${conference.id}/${party.id} (${conference.scenario}): truth ${party.state}, engine ${seen?.state ?? 'absent'}`,
          );
        }
        if (seen && seen.muted !== null) {
          score.muteCompared += 1;
          if (seen.muted === party.muted) score.muteMatching += 1;
        }
      }
    }
  }
  score.accuracy = score.compared === 0 ? 1 : score.matching / score.compared;
  return score;
}
