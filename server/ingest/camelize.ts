/** Deeper than any Amazon Connect payload, shallow enough that nothing downstream can overflow. */
export const MAX_CAMELIZE_DEPTH = 64;

export type Camelized = { ok: true; value: unknown } | { ok: false; reason: string };

type Container = unknown[] | Record<string, unknown>;
type Frame = { from: object; to: Container; depth: number };

/**
 * Amazon Connect's samples use camelCase keys in a contact event's `detail`; a few use PascalCase.
 * Lower-casing the first letter of every key, at every depth, lets one schema read both.
 *
 * The copy is built without recursion (a hostile `detail` nested 100,000 deep cannot overflow the
 * stack), refuses nesting deeper than `maxDepth`, and is made of null-prototype objects holding
 * only own keys: a `__proto__` key is then an inert property, never the copy's prototype, and
 * nothing inherited from a source's objects is read. Input may come from JSON or from code (the
 * simulator, a replay), so none of this is assumed of it.
 */
export function camelizeKeys(value: unknown, maxDepth = MAX_CAMELIZE_DEPTH): Camelized {
  const root = emptyCopy(value);
  if (root === undefined) return { ok: true, value };
  const stack: Frame[] = [{ from: value as object, to: root, depth: 1 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.depth > maxDepth) return { ok: false, reason: `nested deeper than ${maxDepth} levels` };
    const { from, to, depth } = frame;
    if (Array.isArray(from)) {
      for (let i = 0; i < from.length; i++) (to as unknown[])[i] = copyChild(from[i], stack, depth);
      continue;
    }
    const target = to as Record<string, unknown>;
    for (const key of Object.keys(from)) {
      const camel = key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
      // A camelCase key wins over a PascalCase duplicate of it, whichever comes first.
      if (camel in target && camel !== key) continue;
      target[camel] = copyChild((from as Record<string, unknown>)[key], stack, depth);
    }
  }
  return { ok: true, value: root };
}

function copyChild(inner: unknown, stack: Frame[], depth: number): unknown {
  const copy = emptyCopy(inner);
  if (copy === undefined) return inner;
  stack.push({ from: inner as object, to: copy, depth: depth + 1 });
  return copy;
}

function emptyCopy(value: unknown): Container | undefined {
  if (Array.isArray(value)) return new Array<unknown>(value.length);
  if (value === null || typeof value !== 'object') return undefined;
  return Object.create(null) as Record<string, unknown>;
}
