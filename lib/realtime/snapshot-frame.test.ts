import { describe, expect, test } from 'vitest';
import { conference } from '@/lib/board/test-helpers/builders';
import { BoardSnapshotSchema } from './messages';
import { decodeSnapshotFrame, encodeSnapshotFrame } from './snapshot-frame';

const ack = {
  conferenceId: 'c1',
  kind: 'cap-reached' as const,
  raisedAt: '2026-11-23T10:00:00.000Z',
  by: 'Sam "the supervisor"',
  at: '2026-11-23T10:00:05.000Z',
};

describe('snapshot frame (the board snapshot as UTF-8 JSON in one binary frame)', () => {
  test('the joined card JSON decodes to the snapshot those cards make, in a browser ArrayBuffer or a Node Buffer', () => {
    const cards = [conference('c1', 3), conference('Zoë-2', 6, { contactLens: true })];
    const frame = encodeSnapshotFrame(
      { seq: 7, serverTime: '2026-11-23T10:00:06.000Z' },
      cards.map((c) => JSON.stringify(c)),
      [ack],
    );
    const expected = { seq: 7, serverTime: '2026-11-23T10:00:06.000Z', conferences: cards, acks: [ack] };
    const asArrayBuffer = frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength);
    expect(BoardSnapshotSchema.parse(decodeSnapshotFrame(asArrayBuffer))).toEqual(expected);
    expect(BoardSnapshotSchema.parse(decodeSnapshotFrame(Buffer.from(frame)))).toEqual(expected);
  });

  test('an empty board is a valid snapshot; an object is passed on for the schema to judge', () => {
    const frame = encodeSnapshotFrame({ seq: 0, serverTime: '2026-11-23T10:00:00.000Z' }, [], []);
    expect(BoardSnapshotSchema.parse(decodeSnapshotFrame(frame)).conferences).toEqual([]);
    const object = { seq: 1 };
    expect(decodeSnapshotFrame(object)).toBe(object);
  });

  test('bytes that are not JSON throw a SyntaxError', () => {
    expect(() => decodeSnapshotFrame(new TextEncoder().encode('{"seq":'))).toThrow(SyntaxError);
  });
});
