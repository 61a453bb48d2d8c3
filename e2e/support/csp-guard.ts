/**
 * Every browser test fails on a Content-Security-Policy violation: the server's policy is strict
 * (nothing inline, nothing remote), so a page that needs more than it allows is broken in a store
 * even when the test's own checks pass. Violations are caught both ways Chromium reports them: the
 * `securitypolicyviolation` event in pages, and its console error (which covers workers too).
 */
import { afterEach, expect } from 'vitest';
import type { BrowserContext, ConsoleMessage } from 'playwright-core';

const violations: string[] = [];

/** Records the CSP violations of every page of this context (pages opened later included). */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
  });
  const record = (message: ConsoleMessage) => {
    if (message.type() === 'error' && /Content Security Policy|CSP violation/.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  };
  context.on('page', (page) => page.on('console', record));
}

/** Call once per test file (the kiosk harness does): each test ends by checking its pages broke no policy. */
export function failOnCspViolations(): void {
  afterEach(() => {
    const seen = violations.splice(0);
    expect(seen, 'Content-Security-Policy violations').toEqual([]);
  });
}
