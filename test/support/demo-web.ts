import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { HAS_CHROMIUM, launchChromium } from './chromium';

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
 * in afterAll; nothing when Chromium is missing and the suite is skipped). Every test of
 * the file sees the same workspace, in the order they run.
 */
export function demoWebSession(options: { revenues: number; seed: number }): DemoWeb {
  let browser: Browser | undefined;
  let web: ChildProcess | undefined;
  let url = '';
  let workspacePath = '';
  // Its own folder, removed after the file's last test (tempDir's go after each test).
  let dir = '';

  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    dir = mkdtempSync(join(tmpdir(), 'closebook-demo-web-'));
    workspacePath = join(dir, 'demo.closebook');
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
    if (web && web.exitCode === null) await new Promise((resolve) => web!.once('exit', resolve).kill('SIGTERM'));
    if (dir) rmSync(dir, { recursive: true, force: true });
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
