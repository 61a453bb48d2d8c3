/** Accessibility checks per screen: axe-core's WCAG rules, and our own easy-mode size rules. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

export type Violation = { screen: string; rule: string; targets: string[] };

export async function axeViolations(page: Page, screen: string, options: { enhancedContrast: boolean }): Promise<Violation[]> {
  const runs = [new AxeBuilder({ page }).withTags(WCAG_TAGS)];
  // AAA contrast (7:1) is not among the tags above: run its rule on its own.
  if (options.enhancedContrast) runs.push(new AxeBuilder({ page }).withRules(['color-contrast-enhanced']));
  const violations: Violation[] = [];
  for (const run of runs) {
    const results = await run.analyze();
    for (const violation of results.violations) {
      violations.push({ screen, rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) });
    }
  }
  return violations;
}

export type SizeProblem = { screen: string; what: string; size: string };

/** Easy mode's promise at a 1080x1920 portrait screen: body text >= 48px, every button >= 80x80px. */
export async function easyModeSizeProblems(page: Page, screen: string): Promise<SizeProblem[]> {
  const problems = await page.evaluate(
    ({ minFont, minTarget }) => {
      const found: { what: string; size: string }[] = [];
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || !visible(parent)) continue;
        const fontSize = parseFloat(getComputedStyle(parent).fontSize);
        if (fontSize < minFont) found.push({ what: `text "${node.textContent.trim().slice(0, 30)}"`, size: `${fontSize}px` });
      }
      const targets = document.querySelectorAll('button, [role="button"], a[href], input, label, select');
      for (const target of targets) {
        if (!visible(target) || target.closest('label') !== target && target.tagName === 'INPUT') continue;
        const box = target.getBoundingClientRect();
        if (box.width < minTarget || box.height < minTarget) {
          found.push({ what: `${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}"`, size: `${Math.round(box.width)}x${Math.round(box.height)}` });
        }
      }
      return found;
    },
    { minFont: 48, minTarget: 80 },
  );
  return problems.map((problem) => ({ screen, ...problem }));
}
