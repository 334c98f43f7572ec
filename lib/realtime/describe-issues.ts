import type { z } from 'zod';

/**
 * The one way confwatch words a validation failure for a person: `path: message` for each issue
 * (the first `max`), joined with `; `. An issue at the top level reads `root` (`(root)` by default).
 */
export function describeIssues(error: z.ZodError, options: { max?: number; root?: string } = {}): string {
  const { max = Infinity, root = '(root)' } = options;
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : root}: ${i.message}`)
    .join('; ');
}
