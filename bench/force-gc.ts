import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, so heap and RSS figures count what is kept rather than what happens
 * not to have been collected yet. Works without starting Node with --expose-gc: the flag is set at
 * run time and a fresh context exposes the function.
 */
export function forceGc(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}
