import type { RecordedItem } from '../../recording';
import { DEFAULT_START_AT, type SimulatorConfig } from '../config';
import { createSimulator } from '../simulator';
import type { TruthConference, TruthSnapshot } from '../truth';
import {
  AgentEventRecordSchema,
  CcpSnapshotSchema,
  ContactDetailSchema,
  ContactEventEnvelopeSchema,
  camelizeKeys,
  type AgentEventRecord,
  type CcpSnapshot,
  type ContactDetail,
} from './raw-schemas';

/** A contact event, validated, its detail in camelCase whatever case it was sent in. */
export type ContactEventSeen = { id: string; at: string; pascal: boolean; detail: ContactDetail };

export type Run = {
  items: RecordedItem[];
  /** One truth snapshot per simulated second. */
  truths: TruthSnapshot[];
  stats: Record<string, number>;
  contactEvents: ContactEventSeen[];
  agentEvents: AgentEventRecord[];
  ccp: CcpSnapshot[];
};

/** Runs the simulator second by second for `minutes`, validating every raw item on the way. */
export function runSimulation(config: Partial<SimulatorConfig>, minutes: number): Run {
  const simulator = createSimulator(config);
  const start = config.startAt ?? DEFAULT_START_AT;
  const run: Run = { items: [], truths: [], stats: {}, contactEvents: [], agentEvents: [], ccp: [] };
  for (let t = start + 1_000; t <= start + minutes * 60_000; t += 1_000) {
    for (const item of simulator.advance(t)) run.items.push(item);
    run.truths.push(simulator.truth());
  }
  for (const item of run.items) {
    if (item.stream === 'contact-events') {
      const envelope = ContactEventEnvelopeSchema.parse(item.payload);
      const pascal = 'EventType' in envelope.detail;
      const detail = ContactDetailSchema.parse(pascal ? camelizeKeys(envelope.detail) : envelope.detail);
      run.contactEvents.push({ id: envelope.id, at: envelope.time, pascal, detail });
    } else if (item.stream === 'agent-events')
      run.agentEvents.push(AgentEventRecordSchema.parse(item.payload));
    else run.ccp.push(CcpSnapshotSchema.parse(item.payload));
  }
  run.stats = simulator.stats();
  return run;
}

const cache = new Map<string, Run>();

/** `runSimulation`, remembered per configuration: several tests read the same run. */
export function cachedRun(config: Partial<SimulatorConfig>, minutes: number): Run {
  const key = JSON.stringify([config, minutes]);
  let run = cache.get(key);
  if (!run) {
    run = runSimulation(config, minutes);
    cache.set(key, run);
  }
  return run;
}

/** Parties that count towards the cap: not supervisors, not gone (R1, R2). */
export function activeSize(conference: TruthConference): number {
  return conference.parties.filter((p) => p.role !== 'supervisor' && p.state !== 'disconnected').length;
}

/** The largest size each conference reached, by conference id, with its scenario. */
export function peakSizes(run: Run): Map<string, { scenario: string; peak: number }> {
  const peaks = new Map<string, { scenario: string; peak: number }>();
  for (const truth of run.truths) {
    for (const c of truth.conferences) {
      const seen = peaks.get(c.id);
      const size = activeSize(c);
      if (!seen || size > seen.peak) peaks.set(c.id, { scenario: c.scenario, peak: size });
    }
  }
  return peaks;
}

/** Contact events grouped by the contact leg they describe. */
export function eventsByLeg(run: Run): Map<string, ContactDetail[]> {
  const legs = new Map<string, ContactDetail[]>();
  for (const { detail } of run.contactEvents) {
    const list = legs.get(detail.contactId) ?? [];
    list.push(detail);
    legs.set(detail.contactId, list);
  }
  return legs;
}

export const ms = (iso: string): number => Date.parse(iso);

/** Every truth snapshot of one conference, in time order. */
export function historyOf(run: Run, id: string): TruthConference[] {
  return run.truths.flatMap((t) => t.conferences.filter((c) => c.id === id));
}

/** The ids of the conferences a run listed, optionally only those playing `scenario`. */
export function conferenceIds(run: Run, scenario?: string): string[] {
  const ids = new Set<string>();
  for (const t of run.truths)
    for (const c of t.conferences) if (!scenario || c.scenario === scenario) ids.add(c.id);
  return [...ids];
}

/** Whether a party passing `test` is connected or on hold. */
export const isPresent = (c: TruthConference, test: (p: TruthConference['parties'][number]) => boolean) =>
  c.parties.some((p) => (p.state === 'connected' || p.state === 'hold') && test(p));
