import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core (Deque's accessibility engine, the one the measurements used) injected into the page the
// browser tests drive. Rules: WCAG 2.0/2.1/2.2 A and AA plus axe's best practices (landmarks, heading order);
// a run fails on any violation of impact "serious" or "critical".

const axeSource = createRequire(import.meta.url)('axe-core').source as string;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Every violation axe finds on the page as it is now (only visible content is checked). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
}

/** The serious and critical ones: what makes a test fail. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A view passes when axe finds nothing serious in the light and the dark palette (the pane follows
 * prefers-color-scheme outside Office) and nothing is wider than the page (the tests run at 320 px: WCAG 1.4.10).
 */
export async function expectPaneAccessible(page: Page, view: string, expect: ExpectLike): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
    expect(await seriousViolations(page), `${view} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${view} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
}

/** vitest's `expect`, passed in so this helper does not pick a test runner. */
type ExpectLike = (
  value: unknown,
  message?: string,
) => { toEqual(expected: unknown): void; toBeLessThanOrEqual(n: number): void };

/**
 * Presses Tab (or Shift+Tab) until `selector` has focus, at most `presses` times (80 unless a view with more
 * controls says otherwise): the keyboard alone reaches it.
 */
export async function tabTo(
  page: Page,
  selector: string,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  presses = 80,
): Promise<void> {
  for (let i = 0; i < presses; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${selector}`);
}
