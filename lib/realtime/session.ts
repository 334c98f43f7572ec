import { z } from 'zod';

/** `GET /api/auth/session`: who the browser is signed in as, and what the server lets it do. */
export const SessionInfoSchema = z.object({
  name: z.string(),
  role: z.string(),
  kind: z.enum(['password', 'oidc', 'token', 'env']),
  /** The calls the caller may see, in words (`all`, or the queues and groups). */
  scope: z.string(),
  mustChangePassword: z.boolean(),
  capabilities: z.array(z.string()),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** `GET /api/auth/methods`: what the sign-in page offers. */
export const SignInMethodsSchema = z.object({
  password: z.literal(true),
  oidc: z.object({ label: z.string(), start: z.string() }).nullable(),
});
export type SignInMethods = z.infer<typeof SignInMethodsSchema>;
