/**
 * Every screen of both modes through axe-core (WCAG 2.2 AA; AAA contrast in easy mode), and easy
 * mode's own size promises, measured at the kiosk's 1080x1920 portrait size.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, easyModeSizeProblems, type SizeProblem, type Violation } from './support/accessibility';
import { useKioskHarness } from './support/harness';
import { openKiosk } from './support/kiosk-tour';
import { TOUR_SCREENS, tourEasyScreens, tourStandardScreens, type ScreenCheck } from './support/screen-tour';

const harness = useKioskHarness({ IDLE_WARNING_AFTER_MS: '60000' });

async function auditScreens(page: Page, mode: 'standard' | 'easy', visit: (check: ScreenCheck) => Promise<void>) {
  const violations: Violation[] = [];
  const sizes: SizeProblem[] = [];
  const screens: string[] = [];
  await visit(async (screen) => {
    await page.evaluate(() => document.fonts.ready);
    screens.push(screen);
    violations.push(...(await axeViolations(page, `${mode}/${screen}`, { enhancedContrast: mode === 'easy' })));
    if (mode === 'easy') sizes.push(...(await easyModeSizeProblems(page, screen)));
  });
  return { violations, sizes, screens };
}

describe('accessibility', () => {
  it('standard mode: no axe violations on any screen', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await page.clock.install();
    const { violations, screens } = await auditScreens(page, 'standard', (check) => tourStandardScreens(page, check));
    expect(screens).toHaveLength(TOUR_SCREENS.standard);
    expect(violations).toEqual([]);
  });

  it('easy mode: no axe violations (with 7:1 contrast), text >= 48px and buttons >= 80x80px on every screen', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await page.clock.install();
    const { violations, sizes, screens } = await auditScreens(page, 'easy', (check) => tourEasyScreens(page, check));
    expect(screens).toHaveLength(TOUR_SCREENS.easy);
    expect(violations).toEqual([]);
    expect(sizes).toEqual([]);
  });
});
