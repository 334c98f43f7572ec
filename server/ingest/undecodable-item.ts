/**
 * An item that could not even be decoded (a Firehose record that is not base64 or not JSON). It
 * travels through the batch like any item, so it keeps its index, and every normalizer rejects it
 * with the reason it carries. The symbol key cannot come from JSON, so no sender can forge one.
 */
const UNDECODABLE = Symbol('undecodable item');

export type UndecodableItem = { readonly [UNDECODABLE]: string };

export function createUndecodableItem(reason: string): UndecodableItem {
  return Object.freeze({ [UNDECODABLE]: reason });
}

/** The reason an item could not be decoded, or undefined for an ordinary item. */
export function readUndecodableReason(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || !(UNDECODABLE in item)) return undefined;
  return (item as UndecodableItem)[UNDECODABLE];
}
