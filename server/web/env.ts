import { z } from 'zod';

/** The web process's environment: where it listens and where the sidecar is. */
export const WebEnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SIDECAR_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIDECAR_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WebEnv = { host: string; port: number; sidecarUrl: URL; dev: boolean; logLevel: string };

export function parseWebEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = WebEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`,
    );
    throw new Error(`confwatch web: bad environment\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    host: env.HOST,
    port: env.WEB_PORT,
    sidecarUrl: new URL(env.SIDECAR_URL ?? `http://127.0.0.1:${env.SIDECAR_PORT}`),
    dev: env.NODE_ENV === 'development',
    logLevel: env.LOG_LEVEL,
  };
}
