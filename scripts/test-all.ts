/**
 * `npm test`: everything CI runs, in order, stopping at the first failure. Each step prints its
 * name and duration so a slow or broken step is obvious in the CI log.
 */
import { spawnSync } from 'node:child_process';

type Step = { name: string; command: string; args: string[] };

const steps: Step[] = [
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  {
    name: 'unit and integration tests (vitest, with coverage)',
    command: 'npx',
    args: ['vitest', 'run', '--coverage'],
  },
  { name: 'build (next build)', command: 'npx', args: ['next', 'build'] },
  { name: 'end-to-end tests (Playwright, Chromium)', command: 'npx', args: ['playwright', 'test'] },
  // A smoke run of every benchmark: it fails on errors, never on timings (the machine is shared).
  {
    name: 'benchmarks, quick smoke run',
    command: 'npm',
    args: ['run', '--silent', 'bench', '--', '--quick'],
  },
];

/** What `git status` lists now, or null outside a git checkout (a tarball has nothing to keep clean). */
function treeStatus(): Set<string> | null {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
  return result.status === 0 ? new Set(result.stdout.split('\n').filter(Boolean)) : null;
}

const started = Date.now();
const statusBefore = treeStatus();
for (const step of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds}s (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${step.name} (${seconds}s)`);
}
// The suite writes only to ignored folders and temp directories: it must leave the tree as it found it.
const statusAfter = treeStatus();
const dirtied = statusBefore && statusAfter ? [...statusAfter].filter((line) => !statusBefore.has(line)) : [];
if (dirtied.length > 0) {
  console.error(`\n✖ npm test changed the working tree (git status):\n${dirtied.join('\n')}`);
  process.exit(1);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
