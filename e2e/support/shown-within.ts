import type { Page } from '@playwright/test';

/**
 * Something a page must show: a CSS selector that must match (or, with `present: false`, must not)
 * inside a scope, or a text the scope must contain.
 */
export type Sight = { what: string; selector?: string; text?: RegExp; present?: boolean; only?: string };

export type Scope = { page: Page; selector: string; name: string };

const NODE = '[data-participant-role]';

export const sights = {
  state: (id: string, state: string): Sight => ({
    what: `${id} is ${state}`,
    selector: `[data-participant-id="${id}"]${NODE}[data-participant-state="${state}"]`,
  }),
  muted: (id: string, muted: 'true' | 'false' | 'unknown'): Sight => ({
    what: `${id} muted=${muted}`,
    selector: `[data-participant-id="${id}"]${NODE}[data-muted="${muted}"]`,
  }),
  primary: (id: string): Sight => ({
    what: `${id} is the primary agent`,
    selector: `[data-participant-id="${id}"]${NODE}[data-primary="true"]`,
  }),
  /** The party is no longer shown as on the call: shown as left, or not shown at all. */
  gone: (id: string): Sight => ({
    what: `${id} is gone`,
    selector: `[data-participant-id="${id}"]${NODE}:not([data-participant-state="disconnected"])`,
    present: false,
  }),
  parties: (n: number, cap = 6): Sight => ({
    what: `${n} of ${cap} parties`,
    selector: `[data-testid="cap-meter"][aria-label="${n} of ${cap} parties"]`,
  }),
  alert: (kind: string, present = true): Sight => ({
    what: `alert ${kind} ${present ? 'shown' : 'not shown'}`,
    selector: `[data-alert-kind="${kind}"]`,
    present,
  }),
  /** Everyone is shown as having left (or no party is shown): the call is over. */
  nobodyOnCall: (): Sight => ({
    what: 'nobody on the call',
    selector: `${NODE}:not([data-participant-state="disconnected"])`,
    present: false,
  }),
  /**
   * Text in the DOM (not as rendered: an off-screen card is skipped by `content-visibility`, and its
   * words run together), in the scope named `only` when given.
   */
  text: (text: RegExp, only?: string): Sight => ({
    what: `text ${String(text)}`,
    text,
    ...(only ? { only } : {}),
  }),
};

/**
 * Waits until every sight holds in every scope, each by `deadline` (a wall-clock time). The check
 * runs inside the page on every animation frame, so what is measured is when the UI changed, not
 * how often the test runner happened to look. Resolves with the slowest latency from `since`.
 */
export async function expectShownBy(
  scopes: Scope[],
  sightList: Sight[],
  since: number,
  deadline: number,
): Promise<number> {
  const waits = scopes.flatMap((scope) =>
    sightList
      .filter((sight) => !sight.only || sight.only === scope.name)
      .map(async (sight) => {
        const args = {
          scope: scope.selector,
          selector: sight.selector ?? null,
          text: sight.text ? { source: sight.text.source, flags: sight.text.flags } : null,
          present: sight.present ?? true,
        };
        try {
          await scope.page.waitForFunction(
            ({ scope: scopeSelector, selector, text, present }) => {
              const root = document.querySelector(scopeSelector);
              if (!root) return false;
              const found = text
                ? new RegExp(text.source, text.flags).test(root.textContent ?? '')
                : root.querySelector(selector!) !== null;
              return found === present;
            },
            args,
            { polling: 'raf', timeout: Math.max(1, deadline - Date.now()) },
          );
        } catch (error) {
          throw new Error(
            `${scope.name}: "${sight.what}" not shown within ${deadline - since} ms of the ingest (${(error as Error).message.split('\n')[0]})`,
          );
        }
        return Date.now() - since;
      }),
  );
  return Math.max(...(await Promise.all(waits)));
}
