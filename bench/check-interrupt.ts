/**
 * `npx tsx bench/check-interrupt.ts`: interrupts `npm run bench -- --quick --suite pipeline` once
 * all of its processes are up (sidecar, bare server, load generator, clients), once with Ctrl-C
 * (SIGINT to the run's process group) and once with SIGTERM to the bench process alone, and fails
 * if any process of the run outlives it. bench/interrupt.test.ts runs the quicker half in vitest.
 */
import { interruptBench, type Interruption } from './interrupt-check';

let failed = false;
for (const how of ['ctrl-c', 'sigterm'] satisfies Interruption[]) {
  const report = await interruptBench({
    args: ['--suite', 'pipeline'],
    waitFor: 'bench/pipeline-clients.ts',
    how,
    timeoutMs: 120_000,
  });
  const ok = report.left.length === 0 && report.exit !== 'still running';
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${how}: ${report.before.length} processes before, bench exit ${report.exit}`,
  );
  for (const line of report.left) console.log(`     left behind: ${line}`);
  if (!ok) console.log(report.output);
}
process.exit(failed ? 1 : 0);
