import { describe, expect, test } from 'vitest';
import { conference } from '@/lib/board/test-helpers/builders';
import { contact, sec } from '@/lib/conference/test-helpers/builders';
import { run, viewOf } from '@/lib/conference/test-helpers/run';
import { ConferenceChangeSchema, ConferenceSummarySchema, diffSummary, toConferenceSummary } from './summary';

describe('diffSummary (the deltas a patch carries for cards a browser already holds)', () => {
  test('names only the top-level fields that changed, with the id', () => {
    const before = conference('c1', 3);
    const after = { ...before, lastEventAt: '2026-11-23T10:00:09.000Z', activeParticipants: 2 };
    expect(diffSummary(before, after)).toEqual({
      id: 'c1',
      lastEventAt: '2026-11-23T10:00:09.000Z',
      activeParticipants: 2,
    });
  });

  test('nothing changed, even in freshly built copies of nested values: no change at all', () => {
    const before = conference('c1', 4);
    expect(diffSummary(before, structuredClone(before))).toBeUndefined();
  });

  test('a change deep in one party sends the party list whole; a change to null is kept', () => {
    const before = conference('c1', 3);
    const participants = before.participants.map((p, i) => (i === 1 ? { ...p, muted: true } : p));
    const after = { ...before, participants, queue: null };
    const change = diffSummary(before, after)!;
    expect(Object.keys(change).sort()).toEqual(['id', 'participants', 'queue']);
    expect(change.participants).toEqual(participants);
    expect(change.queue).toBeNull();
    expect({ ...before, ...change }).toEqual(after);
  });

  test('a change passes the wire schema; one without an id or with a wrong field does not', () => {
    const before = conference('c1', 3);
    const change = diffSummary(before, { ...before, activeParticipants: 6, dialing: true })!;
    expect(ConferenceChangeSchema.parse(change)).toEqual(change);
    expect(ConferenceChangeSchema.safeParse({ activeParticipants: 6 }).success).toBe(false);
    expect(ConferenceChangeSchema.safeParse({ id: 'c1', activeParticipants: -1 }).success).toBe(false);
  });

  test('parsing a summary the engine produced gives back the same bytes (one shape, schema-first)', () => {
    const view = viewOf(
      run([
        contact('INITIATED', sec(0), { queue: 'Sales' }),
        contact('CONNECTED_TO_AGENT', sec(2), { agent: 'al' }),
      ]),
    );
    const summary = toConferenceSummary(view);
    expect(JSON.stringify(ConferenceSummarySchema.parse(summary))).toBe(JSON.stringify(summary));
  });
});
