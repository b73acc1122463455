// Debian's chromium driven by playwright-core (Playwright's own browser downloads cannot work here).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromiumPath, playwrightCoreEntry } from './paths.mjs';
import { waitFor } from './wait.mjs';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const viewport = { width: 1280, height: 800 };

/** Launches headless chromium; close it with `browser.close()`. */
export async function launchBrowser({ headless = true } = {}) {
  if (!existsSync(playwrightCoreEntry)) {
    throw new Error(`playwright-core is not installed at ${playwrightCoreEntry}: run scripts/e2e/install.sh first`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run scripts/e2e/install.sh first`);
  const { chromium } = await import(pathToFileURL(playwrightCoreEntry).href);
  return chromium.launch({ executablePath: chromiumPath, headless, args: chromiumArgs, timeout: 60_000 });
}

/** A fresh page (own context, so no state leaks between scenarios). */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** Opens the workbench at `url` and waits until it has rendered. */
export async function openWorkbench(page, url, { timeoutMs = 60_000 } = {}) {
  await page.goto(url, { timeout: timeoutMs });
  await waitFor(page.locator('.monaco-workbench'), { timeoutMs, message: 'the workbench (.monaco-workbench)' });
}
