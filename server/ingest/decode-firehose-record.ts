import { parseBoundedJson, type JsonLimits } from './bounded-json';
import { createUndecodableItem } from './undecodable-item';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * One Firehose record's `data` (base64 of one raw item's JSON) → the item, read by the bounded
 * parser. A record that is not base64 or not acceptable JSON becomes an item that the stream's
 * normalizer rejects alone, with the reason: retrying it could never succeed.
 */
export function decodeFirehoseRecord(data: string, limits: Partial<JsonLimits> = {}): unknown {
  if (data.length % 4 !== 0 || !BASE64.test(data))
    return createUndecodableItem('Firehose record data is not base64');
  const parsed = parseBoundedJson(Buffer.from(data, 'base64').toString('utf8'), limits);
  if (parsed.ok) return parsed.value;
  return createUndecodableItem(`Firehose record data: ${parsed.reason}`);
}
