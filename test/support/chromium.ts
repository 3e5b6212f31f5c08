import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the end-to-end tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/**
 * Whether the end-to-end tests run. On CI (CI=true) they always do: a missing Chromium
 * fails them (launching says why) instead of skipping them unseen.
 */
export const HAS_CHROMIUM = existsSync(CHROMIUM) || process.env.CI === 'true';

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
