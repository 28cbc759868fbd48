import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots and other test output; gitignored. */
export const ARTIFACTS = path.resolve('tests/.artifacts');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface TestBrowser {
  browser: Browser;
  /** Where this browser keeps downloads; removed by close(). */
  dir: string;
  close(): Promise<void>;
}

/** Headless Debian Chromium; every launch starts from a fresh temporary profile, so no state leaks between runs. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    downloadsPath: path.join(dir, 'downloads'),
  });
  return {
    browser,
    dir,
    async close() {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PageOptions {
  baseURL: string;
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A page in its own context (own cookies and storage), German and in Berlin time unless told otherwise. */
export async function openPage(browser: Browser, opts: PageOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: opts.baseURL,
    locale: opts.locale ?? 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/**
 * Collects what goes wrong inside the page: uncaught errors, console errors (CSP violations
 * land there) and failed same-origin requests with a 5xx.
 */
export function trackPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx answer; those the app expects (401 probe, wrong password) are not problems.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return problems;
}

/** Saves a full-page PNG under tests/.artifacts/<group>/<name>.png and answers its path. */
export async function screenshot(page: Page, group: string, name: string): Promise<string> {
  const dir = path.join(ARTIFACTS, group);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // Let transitions (modals, notifications, navbar) settle so the picture shows the resting state.
  await page.waitForTimeout(350);
  // A full-page picture of a scrolled page would show the fixed header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
