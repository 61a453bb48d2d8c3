/** Runs once before the browser tests: make sure Chromium is there (installing it if we may) before any test waits on it. */
import { chromiumPath } from './chromium';

export default function setup(): void {
  console.log(`Browser tests use ${chromiumPath()}`);
}
