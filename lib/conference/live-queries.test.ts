import { describe, expect, test } from 'vitest';
import { applyEvent, archiveConference, pruneEngine } from './engine';
import {
  conferenceModel,
  conferenceView,
  holdsConference,
  listedRecord,
  liveRecord,
  liveRecords,
} from './live-queries';
import { contact, leg, ROOT, sec, twoPartyCall } from './test-helpers/builders';
import { run, viewOf } from './test-helpers/run';

/** A call on `root` that rang but that no agent answered yet: held, not listed (M2). */
const ringing = (root: string) => [contact('INITIATED', sec(1), { rootId: root, contactId: root })];

describe('the engine queries the sidecar names instead of reading engine internals', () => {
  test('M2 a live record may be unlisted; listedRecord only returns calls an agent has answered', () => {
    const state = run([...twoPartyCall(), ...ringing('ringing')]);
    expect(liveRecord(state, ROOT)?.id).toBe(ROOT);
    expect(liveRecord(state, 'ringing')?.id).toBe('ringing');
    expect(listedRecord(state, ROOT)?.id).toBe(ROOT);
    expect(listedRecord(state, 'ringing')).toBeUndefined();
    expect(liveRecord(state, 'unknown')).toBeUndefined();
    expect([...liveRecords(state)].map((r) => r.id)).toEqual([ROOT, 'ringing']);
  });

  test('O4 an archived record is no longer live or listed, but is still held and still has its view', () => {
    const state = run([...twoPartyCall(), ...ringing('ringing')], { archiveRetentionMs: 10_000 });
    archiveConference(state, ROOT, 0);
    expect(liveRecord(state, ROOT)).toBeUndefined();
    expect(listedRecord(state, ROOT)).toBeUndefined();
    expect([...liveRecords(state)].map((r) => r.id)).toEqual(['ringing']);
    expect(holdsConference(state, ROOT)).toBe(true);
    expect(conferenceModel(state, ROOT)?.endedAt).toBe(sec(2));
    expect(conferenceView(state, ROOT, sec(60))?.endedAt).toBe(new Date(sec(2)).toISOString());
    pruneEngine(state, 10_001);
    expect(holdsConference(state, ROOT)).toBe(false);
    expect(conferenceModel(state, ROOT)).toBeUndefined();
    expect(conferenceView(state, ROOT, sec(60))).toBeUndefined();
  });

  test('E4 O4 a late fact about an archived call changes the view history is rewritten with', () => {
    const state = run(twoPartyCall(), { archiveRetentionMs: 10_000 });
    archiveConference(state, ROOT, 0);
    const before = conferenceView(state, ROOT, sec(60))!;
    expect(applyEvent(state, contact('INITIATED', sec(1), leg('t1')), 1).outcome).toBe('late');
    const after = conferenceView(state, ROOT, sec(60))!;
    expect(after.contactTree.children.map((c) => c.contactId)).toEqual(['t1']);
    expect(after).not.toEqual(before);
    expect(after).toEqual(viewOf(state, sec(60)));
  });

  test('A3 conferenceView uses the engine long-hold threshold, as the board does', () => {
    const state = run(twoPartyCall(), { longHoldMs: 1_000 });
    expect(conferenceView(state, ROOT, sec(90))).toEqual(viewOf(state, sec(90)));
  });
});
