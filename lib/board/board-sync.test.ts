import { describe, expect, test } from 'vitest';
import { encodeSnapshotFrame, type BoardPatch, type BoardSnapshot, type BoardState } from '@/lib/realtime';
import { createBoardSync } from './board-sync';
import { at, conference } from './test-helpers/builders';

const snapshot = (seq: number, ids: string[]): BoardSnapshot => ({
  seq,
  serverTime: at(seq),
  conferences: ids.map((id) => conference(id, 3)),
  acks: [],
});
const patch = (seq: number, o: Partial<BoardPatch> = {}): BoardPatch => ({
  seq,
  serverTime: at(seq),
  upserts: [],
  changes: [],
  removed: [],
  alerts: [],
  acks: [],
  ...o,
});

function setup(initial?: BoardState) {
  const published: BoardState[] = [];
  let resyncs = 0;
  let clock = 1_000;
  const sync = createBoardSync({
    requestResync: () => (resyncs += 1),
    publish: (s) => published.push(s),
    now: () => clock,
    initial,
  });
  return { sync, published, resyncs: () => resyncs, tick: (ms: number) => (clock += ms) };
}

const ids = (s: BoardState | undefined) => Object.keys(s?.conferences ?? {}).sort();

describe('board sync', () => {
  test('a snapshot loads the board, stamped with this client clock; patches apply on top', () => {
    const t = setup();
    t.sync.connected();
    t.sync.receive('snapshot', snapshot(4, ['a', 'b']));
    expect(t.sync.state()?.receivedAt).toBe(1_000);
    t.tick(500);
    t.sync.receive('patch', patch(5, { upserts: [conference('c', 4)], removed: ['a'] }));
    expect(ids(t.sync.state())).toEqual(['b', 'c']);
    expect(t.sync.state()?.receivedAt).toBe(1_500);
    expect(t.published).toHaveLength(2);
    expect(t.resyncs()).toBe(0);
  });

  test('an unchanged conference keeps its identity across a patch (cards stay memoised)', () => {
    const t = setup();
    t.sync.receive('snapshot', snapshot(1, ['a', 'b']));
    const before = t.sync.state()!.conferences.a;
    t.sync.receive('patch', patch(2, { upserts: [conference('b', 5)] }));
    expect(t.sync.state()!.conferences.a).toBe(before);
  });

  test('a change updates only the fields it names; untouched cards keep their identity', () => {
    const t = setup();
    t.sync.receive('snapshot', snapshot(1, ['a', 'b']));
    const before = t.sync.state()!.conferences;
    const later = conference('b', 4);
    t.sync.receive(
      'patch',
      patch(2, { changes: [{ id: 'b', activeParticipants: 4, participants: later.participants }] }),
    );
    const after = t.sync.state()!.conferences;
    expect(after.a).toBe(before.a);
    expect(after.b).toEqual({ ...before.b, activeParticipants: 4, participants: later.participants });
    expect(after.b!.queue).toEqual(before.b!.queue);
    expect(t.resyncs()).toBe(0);
  });

  test('a change to a card this client never had asks for a resync and changes nothing', () => {
    const t = setup();
    t.sync.receive('snapshot', snapshot(1, ['a']));
    const before = t.sync.state();
    t.sync.receive('patch', patch(2, { changes: [{ id: 'unknown', activeParticipants: 5 }] }));
    expect(t.resyncs()).toBe(1);
    expect(t.sync.state()).toBe(before);
  });

  test('a gap in seq asks for one resync and leaves the board as it was until the snapshot', () => {
    const t = setup();
    t.sync.receive('snapshot', snapshot(1, ['a']));
    t.sync.receive('patch', patch(3, { upserts: [conference('x', 3)] }));
    t.sync.receive('patch', patch(4));
    expect(t.resyncs()).toBe(1);
    expect(ids(t.sync.state())).toEqual(['a']);
    t.sync.receive('snapshot', snapshot(4, ['a', 'x']));
    expect(ids(t.sync.state())).toEqual(['a', 'x']);
    t.sync.receive('patch', patch(6));
    expect(t.resyncs()).toBe(2);
  });

  test('after a reconnect, patches wait for the snapshot the sidecar sends (a restart resets seq)', () => {
    const t = setup();
    t.sync.receive('snapshot', snapshot(40, ['old']));
    t.sync.connected();
    t.sync.receive('patch', patch(41, { upserts: [conference('stale', 3)] }));
    expect(ids(t.sync.state())).toEqual(['old']);
    expect(t.resyncs()).toBe(1);
    t.sync.receive('snapshot', snapshot(0, ['new']));
    expect(ids(t.sync.state())).toEqual(['new']);
    t.sync.receive('patch', patch(1, { upserts: [conference('next', 3)] }));
    expect(ids(t.sync.state())).toEqual(['new', 'next']);
  });

  test('a patch before any snapshot asks for one', () => {
    const t = setup();
    t.sync.receive('patch', patch(1));
    expect(t.resyncs()).toBe(1);
    expect(t.sync.state()).toBeUndefined();
  });

  test('a payload that fails its schema is dropped and counted; a bad patch asks for a resync', () => {
    const t = setup();
    t.sync.receive('snapshot', { seq: 'one' });
    expect(t.sync.state()).toBeUndefined();
    t.sync.receive('snapshot', snapshot(1, ['a']));
    t.sync.receive('patch', { ...patch(2), upserts: [{ id: 'broken' }] });
    expect(t.sync.rejected()).toBe(2);
    expect(t.resyncs()).toBe(1);
    expect(ids(t.sync.state())).toEqual(['a']);
  });

  test('a snapshot in a binary frame loads like an object; a frame of broken JSON is rejected', () => {
    const t = setup();
    const message = snapshot(3, ['a', 'b']);
    const frame = encodeSnapshotFrame(
      { seq: message.seq, serverTime: message.serverTime },
      message.conferences.map((c) => JSON.stringify(c)),
      [],
    );
    t.sync.receive('snapshot', new TextEncoder().encode('{"seq": 3,'));
    expect(t.sync.rejected()).toBe(1);
    expect(t.sync.state()).toBeUndefined();
    t.sync.receive('snapshot', frame);
    expect(ids(t.sync.state())).toEqual(['a', 'b']);
    expect(t.sync.state()!.conferences.a).toEqual(message.conferences[0]);
  });

  test('refresh asks for a snapshot and keeps showing the cached board meanwhile', () => {
    const t = setup();
    t.sync.receive('snapshot', snapshot(1, ['a']));
    const cached = t.sync.state();
    const next = setup(cached);
    next.sync.refresh();
    expect(next.resyncs()).toBe(1);
    next.sync.receive('patch', patch(2, { upserts: [conference('b', 3)] }));
    expect(ids(next.sync.state())).toEqual(['a']);
  });
});
