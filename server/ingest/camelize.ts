/**
 * Amazon Connect's samples use camelCase keys in a contact event's `detail`; a few use PascalCase.
 * Lower-casing the first letter of every key, at every depth, lets one schema read both.
 */
export function camelizeKeys(value: unknown): unknown {
  // Almost every event is camelCase already: copying it would be wasted work.
  if (!hasCapitalKey(value)) return value;
  return camelizeDeep(value);
}

function camelizeDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const camel = key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
    // A camelCase key wins over a PascalCase duplicate of it.
    if (!(camel in out) || camel === key) out[camel] = camelizeDeep(inner);
  }
  return out;
}

function hasCapitalKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasCapitalKey);
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) {
    const first = key.charCodeAt(0);
    if (first >= 65 && first <= 90) return true;
    if (hasCapitalKey((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
