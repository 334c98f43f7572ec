import { test as base, expect } from '@playwright/test';
import { startStack, type Stack } from './stack';

type WorkerFixtures = { stack: Stack };
type TestFixtures = { browserErrors: string[] };

/**
 * The suite's `test`: every worker gets the real sidecar and web server (`stack`), torn down when the
 * worker ends. When a test fails, the servers' output and the browser's errors are printed and
 * attached to the report beside the trace.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  stack: [
    // Playwright reads a fixture's dependencies from its first parameter: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startStack();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  browserErrors: [
    async ({ context, stack }, use, testInfo) => {
      const errors: string[] = [];
      context.on('weberror', (error) => errors.push(`page error: ${error.error().message}`));
      context.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      await use(errors);
      if (testInfo.status === testInfo.expectedStatus) return;
      const logs = stack.logs();
      await testInfo.attach('server-output.txt', { body: logs, contentType: 'text/plain' });
      await testInfo.attach('browser-errors.txt', {
        body: errors.join('\n') || '(none)',
        contentType: 'text/plain',
      });
      console.error(
        `\n--- server output (${testInfo.title}) ---\n${logs}\n--- browser errors ---\n${errors.join('\n') || '(none)'}\n`,
      );
    },
    { auto: true },
  ],
});

export { expect };
