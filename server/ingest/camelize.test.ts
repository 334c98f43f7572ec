import { describe, expect, test } from 'vitest';
import { camelizeKeys } from './camelize';

/** `{"a":{"a":…}}` `depth` levels deep, built without recursion. */
function deepObject(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < depth; i++) {
    const next: Record<string, unknown> = {};
    node.A = next;
    node = next;
  }
  return root;
}

describe('camelizeKeys', () => {
  test('lower-cases the first letter of every key at every depth, inside arrays too', () => {
    const result = camelizeKeys({ ContactId: 'c-1', AgentInfo: { AgentArn: 'a' }, List: [{ Name: 'x' }, 3] });
    expect(result).toEqual({
      ok: true,
      value: { contactId: 'c-1', agentInfo: { agentArn: 'a' }, list: [{ name: 'x' }, 3] },
    });
  });

  test('a camelCase key wins over its PascalCase duplicate, in either order', () => {
    expect(camelizeKeys({ ContactId: 'pascal', contactId: 'camel' })).toEqual({
      ok: true,
      value: { contactId: 'camel' },
    });
    expect(camelizeKeys({ contactId: 'camel', ContactId: 'pascal' })).toEqual({
      ok: true,
      value: { contactId: 'camel' },
    });
  });

  test('O5 a __proto__ key never becomes a prototype: the copy is made of null-prototype objects', () => {
    const hostile = JSON.parse('{"EventType":"INITIATED","__proto__":{"contactId":"evil"}}') as object;
    const result = camelizeKeys(hostile);
    if (!result.ok) throw new Error(result.reason);
    const copy = result.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(copy.contactId).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['eventType', '__proto__']);
    expect(({} as Record<string, unknown>).contactId).toBeUndefined();
  });

  test('O5 inherited properties of a source object are not read', () => {
    const inherited = Object.create({ contactId: 'from-prototype' }) as Record<string, unknown>;
    inherited.EventType = 'INITIATED';
    const result = camelizeKeys(inherited);
    expect(result.ok && (result.value as Record<string, unknown>).contactId).toBe(undefined);
  });

  test('O5 nesting deeper than the limit is refused, however deep, without overflowing the stack', () => {
    expect(camelizeKeys(deepObject(64)).ok).toBe(true);
    expect(camelizeKeys(deepObject(65))).toEqual({ ok: false, reason: 'nested deeper than 64 levels' });
    expect(camelizeKeys(deepObject(200_000))).toEqual({ ok: false, reason: 'nested deeper than 64 levels' });
    expect(camelizeKeys(deepObject(10), 9).ok).toBe(false);
  });

  test('values that are not objects pass unchanged', () => {
    for (const value of ['text', 42, null, true, undefined])
      expect(camelizeKeys(value)).toEqual({ ok: true, value });
  });
});
