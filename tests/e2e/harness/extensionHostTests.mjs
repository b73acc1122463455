// Runs tests inside VS Code's extension host, where the real `vscode` API is available.
// The contract is @vscode/test-electron's: `extensionTestsPath` names a CommonJS module exporting
// `run(): Promise<void>`; a resolved promise exits 0, a rejected one exits non-zero. code-server runs it
// when started with enable-smoke-test-driver and opened with a `payload` naming the extension under
// development and its tests; the workbench then reports the exit code to `window.codeAutomationExit`.
// What the tests print, and the error a failing run() rejects with, reach the page's console: it is kept
// in a log file in the run folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { newPage } from './browser.mjs';

/**
 * @param {object} options
 * @param {import('playwright-core').Browser} options.browser
 * @param {Awaited<ReturnType<import('./codeServer.mjs').startCodeServer>>} options.server
 *        a server started with `smokeTestDriver: true`
 * @param {string} options.extensionPath   folder holding the extension's package.json
 * @param {string} options.testsPath       the module exporting run()
 * @param {string} options.folder          workspace folder the window opens
 * @param {number} [options.timeoutMs]
 * @returns {Promise<number>} the exit code the tests reported; the console is in consoleLogPath(server, testsPath)
 */
export async function runExtensionHostTests({ browser, server, extensionPath, testsPath, folder, timeoutMs = 120_000 }) {
  const page = await newPage(browser);
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  try {
    let reportExit;
    const exitCode = new Promise((done) => { reportExit = done; });
    // Must exist before the workbench loads: it is looked up when the extension host ends the run.
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(resolve(extensionPath))],
      ['extensionTestsPath', server.remoteUri(resolve(testsPath))],
    ];
    let timer;
    const deadline = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`extension host tests did not report an exit code within ${timeoutMs} ms; `
        + `see ${consoleLogPath(server, testsPath)} and ${server.logFile}`)), timeoutMs);
    });
    const run = async () => {
      await page.goto(server.workbenchUrl(resolve(folder), payload), { timeout: timeoutMs });
      return exitCode;
    };
    try {
      return await Promise.race([run(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await page.context().close();
    const logPath = consoleLogPath(server, testsPath);
    mkdirSync(join(logPath, '..'), { recursive: true });
    writeFileSync(logPath, `${consoleLines.join('\n')}\n`);
  }
}

/** Where runExtensionHostTests keeps the page console of a run of `testsPath`. */
export function consoleLogPath(server, testsPath) {
  return join(server.runDir, 'extension-host-tests', `${basename(testsPath)}.console.log`);
}
