export type JsonLimits = {
  /** Arrays and objects nested deeper than this are refused (the top level is depth 1). */
  maxDepth: number;
  /** Strings (keys and values) longer than this many characters of JSON source are refused. */
  maxStringLength: number;
  /**
   * Refuse the keys `__proto__`, `constructor` and `prototype`. A batch's outer parse leaves them
   * to the item they are in (its normalizer copies into null-prototype objects and rejects it
   * alone); a single item's parse refuses them.
   */
  forbidKeys: boolean;
};

/**
 * Room for every Amazon Connect payload inside an ingest batch. A Firehose envelope carries whole
 * records as base64 strings (up to 1,000 KiB each), so its parser needs a larger `maxStringLength`.
 */
export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxStringLength: 65_536, forbidKeys: true };

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Keys that mean something to JavaScript's object model. No confwatch input uses them, and code
 * that copies objects by assignment (or merges them) can be made to change prototypes through
 * them, so a body holding one is refused outright, with the key and where it stands.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** The longest source spelling of an 11-character key, every character written as `\uXXXX`. */
const MAX_ESCAPED_FORBIDDEN_LENGTH = 66;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const LOWER_C = 0x63;
const LOWER_P = 0x70;

/**
 * JSON.parse behind a quick scan of the text that refuses, before any structure is built, nesting
 * deeper than `maxDepth`, strings longer than `maxStringLength`, and the keys `__proto__`,
 * `constructor` and `prototype` (even when spelled with escapes). Whatever passes is parsed by
 * JSON.parse itself, so the grammar and the values are exactly JSON's.
 */
export function parseBoundedJson(text: string, limits: Partial<JsonLimits> = {}): BoundedJson {
  const problem = scanJson(text, { ...DEFAULT_JSON_LIMITS, ...limits });
  if (problem !== undefined) return { ok: false, reason: problem };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
}

/** The first limit the text breaks, or undefined. Malformed text is left for JSON.parse to name. */
function scanJson(text: string, limits: JsonLimits): string | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = findStringEnd(text, i + 1);
      if (end < 0) return undefined;
      if (end - i - 1 > limits.maxStringLength)
        return `a string at character ${i} is longer than ${limits.maxStringLength} characters`;
      const forbidden = limits.forbidKeys ? forbiddenKey(text, i, end) : undefined;
      if (forbidden !== undefined) return `the key "${forbidden}" (at character ${i}) is not accepted`;
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels (at character ${i})`;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return undefined;
}

/** The index of the quote that closes the string whose content starts at `from`, or -1. */
function findStringEnd(text: string, from: number): number {
  for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}

function isKeyPosition(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return true;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return false;
}

/**
 * The decoded key when the string between the quotes at `open` and `close` is a key and a
 * forbidden one. Called for every string, so it decides from its length and first character
 * before looking further, and allocates only for an escaped key.
 */
function forbiddenKey(text: string, open: number, close: number): string | undefined {
  const length = close - open - 1;
  if (length < 9 || length > MAX_ESCAPED_FORBIDDEN_LENGTH) return undefined;
  const first = text.charCodeAt(open + 1);
  if (first !== UNDERSCORE && first !== LOWER_C && first !== LOWER_P && first !== BACKSLASH) return undefined;
  if (!isKeyPosition(text, close + 1)) return undefined;
  for (const key of FORBIDDEN_KEYS) {
    if (length === key.length && text.startsWith(key, open + 1)) return key;
  }
  if (!hasBackslash(text, open + 1, close)) return undefined;
  try {
    const key = JSON.parse(text.slice(open, close + 1)) as string;
    return FORBIDDEN_KEYS.has(key) ? key : undefined;
  } catch {
    return undefined; // a bad escape: JSON.parse will refuse the whole text
  }
}

function hasBackslash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}
