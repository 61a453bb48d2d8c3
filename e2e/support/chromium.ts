/**
 * Finds Debian's Chromium for the browser tests: CHROMIUM_PATH, else /usr/bin/chromium. Where it is
 * missing and we are root it installs it with apt-get; otherwise it stops with one line saying how.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const DEFAULT_PATH = '/usr/bin/chromium';

/** The flags that keep headless Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  const wanted = process.env.CHROMIUM_PATH ?? DEFAULT_PATH;
  if (fs.existsSync(wanted)) return wanted;
  if (!process.env.CHROMIUM_PATH && process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian\'s chromium with apt-get…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (fs.existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
  }
  throw new Error(`Chromium not found at ${wanted}: install it with "sudo apt-get install chromium" or set CHROMIUM_PATH.`);
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...(options.args ?? [])], ...options, headless: true });
}
