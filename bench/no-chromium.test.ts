import { expect, test } from 'vitest';
import { runBench } from './interrupt-check';

test('without Chromium the browser suite fails within 30 s, says what is missing and leaves no child process', async () => {
  const missing = '/nonexistent/confwatch-test/chromium';
  const report = await runBench({
    args: ['--suite', 'browser'],
    env: { CHROMIUM_PATH: missing },
    timeoutMs: 30_000,
  });
  expect(report.exit, report.output).toBe('1');
  expect(report.elapsedMs).toBeLessThan(30_000);
  expect(report.output).toContain(`browser: no Chromium at ${missing}`);
  expect(report.output).toMatch(/install Debian's chromium or set CHROMIUM_PATH/);
  expect(report.left).toEqual([]);
}, 60_000);
