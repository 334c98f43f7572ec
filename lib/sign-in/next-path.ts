/** Where a sign-in lands when the asked-for place is not safe to go to. */
export const DEFAULT_NEXT_PATH = '/';

const MAX_LENGTH = 2_000;
const BASE = 'http://confwatch.invalid';
// Control characters (browsers drop tab and newline from a URL: "/\t/evil" becomes "//evil") and
// backslashes (read as "/" in http URLs).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

function decodedOnce(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The place on this site a sign-in may send the browser to afterwards (`?next=`): a path that
 * stays on this origin, normalized, else `/`. Used by the sidecar's redirects and the sign-in
 * page alike, so neither can be made into an open redirect ("//evil.example", "/\t/evil.example",
 * "/\\evil.example", "https://evil.example", "/..//evil.example", or their percent-encoded forms).
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH || !raw.startsWith('/') || raw.startsWith('//'))
    return DEFAULT_NEXT_PATH;
  const decoded = decodedOnce(raw);
  if (decoded === undefined || UNSAFE.test(raw) || UNSAFE.test(decoded) || decoded.startsWith('//'))
    return DEFAULT_NEXT_PATH;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  if (url.origin !== BASE || !url.pathname.startsWith('/') || url.pathname.startsWith('//'))
    return DEFAULT_NEXT_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
