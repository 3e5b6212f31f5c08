import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startHttpServer, type RunningHttpServer } from '../../src/main/api/http-server';
import { rendererBuildDir } from '../../src/main/cli/commands/web';
import type { CoreHost } from '../../src/main/core/host';
import { HAS_CHROMIUM, launchChromium } from './chromium';

export interface BrowserModePage {
  page: Page;
  /** Uncaught errors in the page: a test ends by expecting none. */
  pageErrors: string[];
  server: RunningHttpServer;
}

/**
 * One Chromium for a test file, and per test a browser-mode server over the test's core
 * and a fresh browser context on it; both closed after each test. Call at the top of a
 * test file; `open(core)` inside a test, with context options (e.g. permissions) if needed.
 */
export function browserModeSession(): { open(core: CoreHost, contextOptions?: BrowserContextOptions): Promise<BrowserModePage> } {
  let browser: Browser | undefined;
  let server: RunningHttpServer | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    if (HAS_CHROMIUM) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await server?.close();
    server = undefined;
  });
  return {
    async open(core, contextOptions) {
      server = await startHttpServer({ core, rendererDir: rendererBuildDir() });
      context = await browser!.newContext({ acceptDownloads: true, ...contextOptions });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { page, pageErrors, server };
    },
  };
}
