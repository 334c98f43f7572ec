import { expect, test } from 'vitest';
import { interruptBench } from './interrupt-check';

test('a bench run stopped with SIGTERM leaves no child process behind (bench/check-interrupt.ts checks Ctrl-C too)', async () => {
  const report = await interruptBench({
    args: ['--suite', 'pipeline'],
    waitFor: 'server/index.ts',
    how: 'sigterm',
    timeoutMs: 45_000,
  });
  // The signal went out with a server of the run alive, or the check would prove nothing.
  expect(report.before.some((p) => p.includes('server/index.ts'))).toBe(true);
  expect(report.exit).not.toBe('still running');
  expect(report.left).toEqual([]);
}, 60_000);
