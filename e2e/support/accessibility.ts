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

export type LayoutProblem = { screen: string; what: string; where: string };

/**
 * The low screen's promise: every control, scrolled into the middle of where it can be seen,
 * lies wholly below the reach line (px from the top of the screen) and is not hidden under
 * anything. Controls of an open dialog are the only ones a customer can reach then.
 */
export async function lowReachProblems(page: Page, screen: string, reachLinePx: number): Promise<LayoutProblem[]> {
  const problems = await page.evaluate((line) => {
    const found: { what: string; where: string }[] = [];
    const scope = document.querySelector('dialog[open]') ?? document;
    for (const control of scope.querySelectorAll<HTMLElement>('button, input, a[href], select, textarea')) {
      const style = getComputedStyle(control);
      if (style.display === 'none' || style.visibility === 'hidden' || control.closest('.visually-hidden')) continue;
      control.scrollIntoView({ block: 'center' });
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
      if (box.top < line - 0.5) found.push({ what: name, where: `top ${Math.round(box.top)}px, above the reach line at ${Math.round(line)}px` });
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !(control.contains(hit) || hit.contains(control) || hit === control.closest('label'))) found.push({ what: name, where: `hidden under ${hit?.className || hit?.tagName || 'nothing'}` });
    }
    return found;
  }, reachLinePx);
  return problems.map((problem) => ({ screen, ...problem }));
}

/**
 * At 200 %: nothing wider than the screen (no sideways scrolling), and no two pieces of text,
 * pictures or controls drawn over each other. Measured scrolled to the end of the page, where the
 * sticky accessibility bar sits in its own place; with a dialog open, within the dialog.
 */
export async function zoomProblems(page: Page, screen: string): Promise<LayoutProblem[]> {
  const problems = await page.evaluate(() => {
    const found: { what: string; where: string }[] = [];
    const scroller = document.scrollingElement!;
    if (scroller.scrollWidth > scroller.clientWidth) found.push({ what: 'page', where: `scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}` });
    scroller.scrollTop = scroller.scrollHeight;
    const scope = document.querySelector('dialog[open]') ?? document.body;
    type Piece = { rect: DOMRect; owner: Element; what: string };
    const pieces: Piece[] = [];
    const shown = (element: Element) => {
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'none' && !element.closest('.visually-hidden, [aria-hidden="true"]');
    };
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 1 && rect.height > 1) pieces.push({ rect, owner: parent, what: `text "${node.textContent.trim().slice(0, 24)}"` });
    }
    for (const element of scope.querySelectorAll('button, input, img, label')) {
      const rect = element.getBoundingClientRect();
      if (shown(element) && rect.width > 1 && rect.height > 1) pieces.push({ rect, owner: element, what: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 24)}"` });
    }
    for (const piece of pieces) {
      if (piece.rect.right > window.innerWidth + 0.5 || piece.rect.left < -0.5) found.push({ what: piece.what, where: `outside the screen (${Math.round(piece.rect.left)}–${Math.round(piece.rect.right)}px)` });
    }
    for (let i = 0; i < pieces.length; i += 1) {
      for (let j = i + 1; j < pieces.length; j += 1) {
        const a = pieces[i]!;
        const b = pieces[j]!;
        // A button and its own words, a label and its radio: one thing, not an overlap.
        if (a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (width > 1 && height > 1) found.push({ what: `${a.what} and ${b.what}`, where: `overlap ${Math.round(width)}x${Math.round(height)}px at ${Math.round(a.rect.left)},${Math.round(a.rect.top)}` });
      }
    }
    return found;
  });
  return problems.map((problem) => ({ screen, ...problem }));
}
