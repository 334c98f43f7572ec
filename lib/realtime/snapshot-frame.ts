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
  const text =
    `{"seq":${head.seq},"serverTime":${JSON.stringify(head.serverTime)},` +
    `"conferences":[${conferenceJson.join(',')}],"acks":${JSON.stringify(acks)}}`;
  return new TextEncoder().encode(text);
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
