import { z } from 'zod';

/**
 * The one routine both processes (and the start script) parse their environment with. Each
 * variable's schema carries a sentence saying what it accepts (`allow`), so a bad value becomes
 * one line a person can act on — the variable, the value, what is allowed — never zod's generic
 * "Invalid input".
 */

/** Exit code of a process stopped by its configuration: `npm start` does not restart it. */
export const CONFIG_EXIT_CODE = 2;

/** A configuration problem: its message is one line per problem, meant for the terminal as is. */
export class EnvError extends Error {
  readonly exitCode = CONFIG_EXIT_CODE;
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'EnvError';
  }
}

export type EnvSource = Record<string, string | undefined>;

type VariableMeta = {
  /** What the variable accepts, e.g. `a whole number from 0 to 65535`. */
  allowed: string;
  /** How the value appears in a message; by default quoted as given. */
  show?: (value: string) => string;
};

const metas = new WeakMap<z.core.$ZodType, VariableMeta>();

/** Attaches what `schema` accepts, for the messages; wrap it in `.default()`/`.optional()` after. */
export function allow<T extends z.ZodType>(schema: T, allowed: string, show?: VariableMeta['show']): T {
  metas.set(schema, show ? { allowed, show } : { allowed });
  return schema;
}

/** The attached sentence, looking through `.default()`, `.optional()` and `.pipe()` wrappers. */
export function allowedOf(schema: z.core.$ZodType): VariableMeta | undefined {
  const own = metas.get(schema);
  if (own) return own;
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return allowedOf(schema.unwrap());
  if (schema instanceof z.ZodPipe) return allowedOf(schema.in);
  return undefined;
}

/** `confwatch: NAME="value" is not valid: what is allowed`. */
export function formatBadValue(name: string, value: string, meta: VariableMeta | undefined): string {
  const shown = meta?.show ? meta.show(value) : JSON.stringify(value);
  return `confwatch: ${name}=${shown} is not valid: ${meta?.allowed ?? 'see the Configuration section of README.md'}`;
}

/** A line for a problem that is not one variable's value (two settings that do not go together). */
export function configProblem(text: string): string {
  return `confwatch: ${text}`;
}

/**
 * Parses `source` against `schema`: unset and empty variables both take the default; every bad
 * variable gives one line; throws EnvError with all of them.
 */
export function parseEnvironment<S extends z.ZodObject>(schema: S, source: EnvSource): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [name, value] of Object.entries(source))
    if (value !== undefined && value !== '') cleaned[name] = value;
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const shape = schema.shape as Record<string, z.ZodType>;
  const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  throw new EnvError(
    names.map((name) => {
      const field = shape[name];
      return formatBadValue(name, cleaned[name] ?? '', field ? allowedOf(field) : undefined);
    }),
  );
}

/** Throws one EnvError for all of `lines`, if there are any. */
export function throwProblems(lines: readonly string[]): void {
  if (lines.length > 0) throw new EnvError(lines);
}
