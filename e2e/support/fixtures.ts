import { test as base, expect } from '@playwright/test';
import { adminRequest, signInAs, type SignInRole } from './auth';
import { startStack, WEB_URL, type Stack } from './stack';

type WorkerFixtures = { stack: Stack };
type TestFixtures = { browserErrors: string[]; signedInAs: SignInRole | null; signedIn: void };

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
  /** Who the browser is signed in as before the test starts (`test.use({ signedInAs: null })`: nobody). */
  signedInAs: ['admin', { option: true }],
  signedIn: [
    async ({ context, stack, signedInAs }, use) => {
      if (!signedInAs) return use();
      await signInAs(context, signedInAs);
      const off = stack.afterReset(() => signInAs(context, signedInAs));
      await use();
      off();
    },
    { auto: true },
  ],
  // API reads in specs (the `request` fixture) are an administrator's, with the ADMIN_TOKEN.
  request: async ({ playwright }, use) => {
    const request = await adminRequest((o) => playwright.request.newContext(o), WEB_URL);
    await use(request);
    await request.dispose();
  },
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
