/**
 * Amazon Connect's samples use camelCase keys in a contact event's `detail`; a few use PascalCase.
 * Lower-casing the first letter of every key, at every depth, lets one schema read both.
 */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const camel = key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
    // A camelCase key wins over a PascalCase duplicate of it.
    if (!(camel in out) || camel === key) out[camel] = camelizeKeys(inner);
  }
  return out;
}
