import { isIP } from 'node:net';

/** Whether a listen address is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/**
 * A process that listens beyond this machine without PUBLIC_URL cannot tell that browsers reach it
 * over https (a proxy in front speaks plain http to it), so its session cookies go without
 * `Secure`. Not a refusal: the two-command start on loopback must keep working, and a plain-http
 * test network is allowed; but the operator must see it.
 */
export function publicUrlWarning(hostVariable: string, host: string, publicUrl: unknown): string | undefined {
  if (publicUrl || isLoopbackHost(host)) return undefined;
  return (
    `confwatch: warning: ${hostVariable}=${host} serves confwatch beyond this machine, but PUBLIC_URL is not set: ` +
    'session cookies are not marked Secure (not even behind an https proxy) and the sign-in origin check ' +
    'trusts the address each request names. Set PUBLIC_URL to the address browsers use, e.g. ' +
    'PUBLIC_URL=https://confwatch.example.com'
  );
}
