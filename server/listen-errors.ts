import { configProblem, EnvError } from './env-parse';

export type ListenTarget = {
  host: string;
  port: number;
  portVariable: 'SIDECAR_PORT' | 'WEB_PORT';
  /** The variable the host came from (HOST unless said otherwise). */
  hostVariable?: 'HOST' | 'SIDECAR_HOST';
};

/**
 * A failed listen whose cause is in the settings — the port is taken or privileged, the host is
 * not this machine's — becomes a one-line EnvError (exit code 2: restarting would not help). Any
 * other error comes back unchanged.
 */
export function explainListenError(error: unknown, target: ListenTarget): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const hostVariable = target.hostVariable ?? 'HOST';
  const where = `${target.portVariable}=${target.port} on ${hostVariable}="${target.host}"`;
  const line = {
    EADDRINUSE: `${where} is already in use: stop what holds it or choose another port`,
    EACCES: `${where} is not allowed for this user (ports below 1024 need privileges): choose another port`,
    EADDRNOTAVAIL: `${hostVariable}="${target.host}" is not an address of this machine: use one of its addresses, 127.0.0.1 or 0.0.0.0`,
    ENOTFOUND: `${hostVariable}="${target.host}" does not resolve to an address: use an address or a known host name`,
  }[code ?? ''];
  return line ? new EnvError([configProblem(line)]) : error;
}
