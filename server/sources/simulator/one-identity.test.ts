import { beforeAll, describe, expect, test } from 'vitest';
import {
  applyEvent,
  ConferenceModeSchema,
  createEngine,
  toConferenceView,
  type ConferenceMode,
  type ConferenceView,
} from '@/lib/conference';
import { createNormalizeContext } from '@/server/ingest/normalize-context';
import { NORMALIZERS } from '@/server/ingest/streams';
import { DEFAULT_START_AT } from './config';
import { createSimulator } from './simulator';

/**
 * The three sources report the same parties with different delays and different names for them
 * (an agent ARN in contact events, a directory name in agent events, a quick-connect name in the
 * CCP). Folded together, each party must appear once, under one name.
 */
function foldSimulatedRun(seed: number, mode: ConferenceMode, minutes: number) {
  const simulator = createSimulator({ seed, mode });
  const engine = createEngine({ mode });
  const directory = new Map<string, string>();
  for (let t = DEFAULT_START_AT + 1_000; t <= DEFAULT_START_AT + minutes * 60_000; t += 1_000) {
    for (const item of simulator.advance(t)) {
      const normalized = NORMALIZERS[item.stream](item.payload, createNormalizeContext(Date.parse(item.at)));
      if (normalized.kind !== 'event') continue;
      const event = normalized.event;
      if (event.source === 'agent' && event.name?.first)
        directory.set(event.agentArn, `${event.name.first} ${event.name.last}`);
      applyEvent(engine, event, t);
    }
  }
  const views: ConferenceView[] = [];
  for (const record of engine.conferences.values())
    views.push(
      toConferenceView(record.model, engine.settings.longHoldMs, DEFAULT_START_AT + minutes * 60_000),
    );
  return { views, directory };
}

describe.each(ConferenceModeSchema.options)('a seeded simulated run (%s)', (mode) => {
  let views: ConferenceView[] = [];
  let directory = new Map<string, string>();
  beforeAll(() => {
    ({ views, directory } = foldSimulatedRun(7, mode, 10));
  });

  test('M9 one timeline entry per event: every entry names a listed party, no party dials, joins or leaves twice', () => {
    expect(views.length).toBeGreaterThan(20);
    const strays: string[] = [];
    const repeats: string[] = [];
    for (const view of views) {
      const ids = new Set(view.participants.map((p) => p.id));
      const seen = new Set<string>();
      for (const e of view.timeline) {
        if (e.participantId === null) continue;
        if (!ids.has(e.participantId)) strays.push(`${view.id} ${e.participantId} ${e.kind}`);
        if (!['dialing', 'joined', 'left'].includes(e.kind)) continue;
        const key = `${e.participantId} ${e.kind}`;
        if (seen.has(key)) repeats.push(`${view.id} ${key}`);
        seen.add(key);
      }
    }
    expect(strays).toEqual([]);
    expect(repeats).toEqual([]);
  });

  test('M9 one name per party: every agent by its directory name, and no CCP-only double of a named party', () => {
    const misnamed: string[] = [];
    const doubles: string[] = [];
    for (const view of views) {
      const confirmed = view.participants.filter((p) => !p.ccpOnly);
      for (const p of confirmed) {
        const name = p.agentArn === null ? undefined : directory.get(p.agentArn);
        if (name !== undefined && p.name !== name) misnamed.push(`${view.id} ${p.id}: ${p.name} ≠ ${name}`);
      }
      for (const p of view.participants.filter((x) => x.ccpOnly)) {
        const twin = confirmed.find(
          (c) =>
            c.role === p.role &&
            ((p.agentArn !== null && c.agentArn === p.agentArn) ||
              (p.phoneNumber !== null && c.phoneNumber === p.phoneNumber) ||
              (p.name !== null && c.name === p.name)),
        );
        if (twin) doubles.push(`${view.id} ${p.id} = ${twin.id}`);
      }
    }
    expect(misnamed).toEqual([]);
    expect(doubles).toEqual([]);
  });
});
