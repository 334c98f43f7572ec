/**
 * Some AWS samples spell every key of a contact event's `detail` in PascalCase (`EventType`,
 * `AgentInfo.AgentArn`). Values, including the strings inside arrays, stay as they are.
 */
export function toPascalCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPascalCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key.charAt(0).toUpperCase() + key.slice(1)] = toPascalCaseKeys(inner);
  }
  return out;
}
