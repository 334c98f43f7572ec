import { isIP } from 'node:net';
import { z } from 'zod';
import { allow } from './env-parse';

/**
 * The kinds of value confwatch's variables take, each with the sentence its error message gives.
 * Both processes' env.ts build their schemas from these.
 */

/** A whole number in [min, max]. */
export function wholeNumber(min: number, max: number) {
  return allow(z.coerce.number().int().min(min).max(max), `a whole number from ${min} to ${max}`);
}

/** A number (fractions allowed) in [min, max]. */
export function decimal(min: number, max: number) {
  return allow(z.coerce.number().min(min).max(max), `a number from ${min} to ${max}`);
}

/** A TCP port; 0 asks the system for a free one. */
export function port(min = 0) {
  return allow(
    z.coerce.number().int().min(min).max(65_535),
    min === 0 ? 'a port number from 0 to 65535 (0: any free port)' : `a port number from ${min} to 65535`,
  );
}

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.map((v) => `"${v}"`);
  const last = list.pop()!;
  return allow(z.enum(values), list.length > 0 ? `one of ${list.join(', ')} or ${last}` : last);
}

/** An http:// or https:// URL. */
export function httpUrl(example: string) {
  return allow(z.url({ protocol: /^https?$/ }), `an http:// or https:// URL, e.g. ${example}`);
}

/** A string matching `pattern`, described by `allowed`. */
export function matching(pattern: RegExp, allowed: string, show?: (value: string) => string) {
  return allow(z.string().regex(pattern), allowed, show);
}

const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** Whether `value` is something to listen on or connect to: an IPv4/IPv6 address or a DNS host name. */
export function isHostName(value: string): boolean {
  if (isIP(value) !== 0) return true;
  if (value.length > 253) return false;
  return value
    .replace(/\.$/, '')
    .split('.')
    .every((label) => HOST_LABEL.test(label));
}

export function hostName() {
  return allow(
    z.string().refine(isHostName),
    'an IPv4 or IPv6 address (without brackets) or a host name, e.g. 127.0.0.1, 0.0.0.0, :: or localhost',
  );
}

/** Shows a secret only by its length, so a bad one does not end up in a log. */
export function showLength(value: string): string {
  return `(${value.length} characters, not shown)`;
}

/** Shows a URL with its password masked; something else with an `@` in it only by its length. */
export function showWithoutPassword(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    return JSON.stringify(value.replace(/^([^:]+:\/\/[^:@/]*:).*@/, '$1***@'));
  return value.includes('@') ? showLength(value) : JSON.stringify(value);
}
