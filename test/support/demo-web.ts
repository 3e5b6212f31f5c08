import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { HAS_CHROMIUM, launchChromium } from './chromium';
import { tempDir } from './temp-workspace';

const CLI = join(process.cwd(), 'bin/closebook.mjs');

export interface DemoWeb {
  /** The demo workspace the server has open (read it beside it, read-only). */
  readonly workspacePath: string;
  /** Browser mode's address, token included. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * A demo workspace made by `closebook demo`, served by `closebook web` in its own process
 * as a person starts it, and Chromium, for one test file (started in beforeAll, stopped
 * in afterAll; nothing when Chromium is missing and the suite is skipped).
 */
export function demoWebSession(options: { revenues: number; seed: number }): DemoWeb {
  let browser: Browser | undefined;
  let web: ChildProcess | undefined;
  let url = '';
  let workspacePath = '';

  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    workspacePath = join(tempDir(), 'demo.closebook');
    execFileSync(process.execPath, [CLI, 'demo', '--workspace', workspacePath, '--revenues', String(options.revenues), '--seed', String(options.seed)], { stdio: 'pipe' });
    web = spawn(process.execPath, [CLI, 'web', '--workspace', workspacePath], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      web!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /^Closebook is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
        if (match) resolve(match[1]);
      });
      web!.once('exit', (code) => reject(new Error(`closebook web exited with ${code}: ${out}`)));
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    web?.kill('SIGTERM');
  });

  return {
    get workspacePath() {
      return workspacePath;
    },
    get url() {
      return url;
    },
    get browser() {
      if (!browser) throw new Error('the demo web session has not started (is Chromium missing?)');
      return browser;
    },
  };
}
