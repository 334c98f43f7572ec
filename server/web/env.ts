import { z } from 'zod';
import { hostName, httpUrl, oneOf, port } from '../env-fields';
import { allow } from '../env-parse';
import { parseEnvironment, type EnvSource } from '../env-parse';

/** The web process's environment: where it listens and where the sidecar is. */
export const WebEnvSchema = z.object({
  HOST: hostName().default('127.0.0.1'),
  WEB_PORT: port().default(3000),
  SIDECAR_URL: httpUrl('http://127.0.0.1:4000').optional(),
  SIDECAR_PORT: port(1).default(4000),
  NODE_ENV: oneOf(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: httpUrl('https://confwatch.example.com').optional(),
  FRAME_ANCESTORS: allow(
    z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
    'space- or comma-separated https origins allowed to frame the pages, e.g. "https://signage.example.com"',
  ).default([]),
});

export type WebEnv = {
  host: string;
  port: number;
  sidecarUrl: URL;
  dev: boolean;
  logLevel: string;
  publicUrl: URL | undefined;
  frameAncestors: string[];
};

/** Parses `source` (process.env by default); throws EnvError (exit code 2), one line per bad variable. */
export function parseWebEnv(source: EnvSource = process.env): WebEnv {
  const env = parseEnvironment(WebEnvSchema, source);
  return {
    host: env.HOST,
    port: env.WEB_PORT,
    sidecarUrl: new URL(env.SIDECAR_URL ?? `http://127.0.0.1:${env.SIDECAR_PORT}`),
    dev: env.NODE_ENV === 'development',
    logLevel: env.LOG_LEVEL,
    publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL) : undefined,
    frameAncestors: env.FRAME_ANCESTORS,
  };
}
