import type { AlertAck } from './messages';

/**
 * A board snapshot travels as UTF-8 JSON in one binary frame. The sidecar keeps each card's JSON
 * from when it was last pushed, so a snapshot is those strings joined, never the whole board
 * serialized again on every (re)connect; a binary frame spares Socket.IO's walk of the object and
 * the escaping a pre-serialized string would need.
 */
export function encodeSnapshotFrame(
  head: { seq: number; serverTime: string },
  conferenceJson: readonly string[],
  acks: readonly AlertAck[],
): Uint8Array {
  return withSnapshotHead(head, encodeSnapshotBody(conferenceJson, acks));
}

/**
 * The large, cacheable part of a snapshot frame: the cards and the acknowledgements. A publisher
 * keeps it until its board changes, and puts a fresh head (sequence, server time) in front of it
 * for each browser that asks.
 */
export function encodeSnapshotBody(conferenceJson: readonly string[], acks: readonly AlertAck[]): Uint8Array {
  return new TextEncoder().encode(
    `"conferences":[${conferenceJson.join(',')}],"acks":${JSON.stringify(acks)}}`,
  );
}

/** A whole frame: the head, then a body from `encodeSnapshotBody`. */
export function withSnapshotHead(head: { seq: number; serverTime: string }, body: Uint8Array): Uint8Array {
  const prefix = new TextEncoder().encode(
    `{"seq":${head.seq},"serverTime":${JSON.stringify(head.serverTime)},`,
  );
  const frame = new Uint8Array(prefix.length + body.length);
  frame.set(prefix, 0);
  frame.set(body, prefix.length);
  return frame;
}

/**
 * The snapshot message from what the socket delivered: bytes (an ArrayBuffer in a browser, a
 * Buffer in Node) are decoded and parsed; anything else is passed on as it came, for the schema
 * to judge. Throws SyntaxError for bytes that are not JSON.
 */
export function decodeSnapshotFrame(raw: unknown): unknown {
  if (raw instanceof ArrayBuffer) return JSON.parse(new TextDecoder().decode(raw));
  if (ArrayBuffer.isView(raw)) return JSON.parse(new TextDecoder().decode(raw));
  return raw;
}
