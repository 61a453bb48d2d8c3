/**
 * The accessibility layer on every screen of both modes: in the low screen every control lies
 * below the reach line computed from the kiosk's settings; at 200 % nothing overlaps or scrolls
 * sideways; in high contrast axe finds nothing, at 7:1 contrast in both modes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reachableShare } from '../src/domain/kiosk-body';
import { axeViolations, lowReachProblems, zoomProblems, type LayoutProblem, type Violation } from './support/accessibility';
import { useKioskHarness } from './support/harness';
import { openKiosk, PORTRAIT } from './support/kiosk-tour';
import { TOUR_SCREENS, tourEasyScreens, tourStandardScreens, type ScreenCheck } from './support/screen-tour';

// A kiosk mounted higher than the default: its bottom edge 900 mm up leaves the lower 300 mm in reach.
const harness = useKioskHarness({ IDLE_WARNING_AFTER_MS: '60000', KIOSK_SCREEN_BOTTOM_MM: '900' });
const TOURS = { standard: tourStandardScreens, easy: tourEasyScreens } as const;

/** Opens the kiosk with one accessibility choice on (a tap on the bar at the welcome screen) and tours every screen. */
async function tourWith(choice: 'lowReach' | 'zoom' | 'highContrast', mode: keyof typeof TOURS, check: (page: Page, screen: string) => Promise<void>) {
  const page = await openKiosk(await harness.newPage(), harness.server.url);
  await page.clock.install();
  await page.locator(`.a11y-bar .a11y-${choice}`).click();
  const screens: string[] = [];
  await TOURS[mode](page, async (screen) => {
    await page.evaluate(() => document.fonts.ready);
    screens.push(screen);
    await check(page, `${mode}/${screen}`);
  });
  expect(screens).toHaveLength(TOUR_SCREENS[mode]);
  return page;
}

describe('accessibility layer', () => {
  for (const mode of ['standard', 'easy'] as const) {
    it(`${mode} mode, low screen: every control of every screen lies below the reach line`, async () => {
      const line = PORTRAIT.height * (1 - reachableShare(harness.server.config.reach));
      expect(Math.round(line)).toBe(1106);
      const problems: LayoutProblem[] = [];
      const page = await tourWith('lowReach', mode, async (tourPage, screen) => {
        problems.push(...(await lowReachProblems(tourPage, screen, line)));
      });
      expect(problems).toEqual([]);
      // The bar's own button is within reach, so the customer can switch back.
      expect((await page.locator('.a11y-bar .a11y-lowReach').boundingBox())!.y).toBeGreaterThanOrEqual(line);
    });

    it(`${mode} mode, 200 %: nothing overlaps and nothing scrolls sideways on any screen`, async () => {
      const problems: LayoutProblem[] = [];
      const page = await tourWith('zoom', mode, async (tourPage, screen) => {
        problems.push(...(await zoomProblems(tourPage, screen)));
      });
      expect(problems).toEqual([]);
      // Everything grows, not only the text: a button is twice as tall as without zoom.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).zoom)).toBe('2');
    });

    it(`${mode} mode, high contrast: axe finds nothing, contrast 7:1 included`, async () => {
      const violations: Violation[] = [];
      await tourWith('highContrast', mode, async (tourPage, screen) => {
        violations.push(...(await axeViolations(tourPage, screen, { enhancedContrast: true })));
      });
      expect(violations).toEqual([]);
    });
  }
});
