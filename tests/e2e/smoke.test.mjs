// Proves the end-to-end harness on this machine: a real VS Code (code-server) in Debian's chromium, driven
// like a person would, and tests run inside its extension host. Needs scripts/e2e/install.sh to have run.
// Screenshots land in test-output/e2e/.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packVsix, throwaway, writeThrowawayExtension } from './fixtures/throwawayExtension.mjs';
import { launchBrowser, newPage, openWorkbench } from './harness/browser.mjs';
import { startCodeServer } from './harness/codeServer.mjs';
import { consoleLogPath, runExtensionHostTests } from './harness/extensionHostTests.mjs';
import {
  activeEditorText, openActivityContainer, openFileByName, screenshot, waitFor,
} from './harness/vscode.mjs';
import { withFailureScreenshot } from './harness/steps.mjs';

const helloText = 'Hello from the ide-tracker end-to-end smoke test.\nSecond line, to see more than one.';
const scenarioTimeout = { timeout: 180_000 };

// realpath: the workbench reports resolved paths, and tmpdir() may be a symlink.
function makeTempFolder(purpose) {
  return realpathSync(mkdtempSync(join(tmpdir(), `ide-tracker-e2e-${purpose}-`)));
}

function makeWorkspace() {
  const folder = makeTempFolder('ws');
  writeFileSync(join(folder, 'hello.txt'), `${helloText}\n`);
  return folder;
}

function removeFolders(...folders) {
  for (const folder of folders) {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

describe('a real VS Code in chromium', scenarioTimeout, () => {
  let workspace;
  let extensionFolder;
  let vsixFolder;
  let server;
  let browser;
  let page;

  before(async () => {
    workspace = makeWorkspace();
    extensionFolder = makeTempFolder('ext');
    vsixFolder = makeTempFolder('vsix');
    writeThrowawayExtension(extensionFolder);
    const vsix = packVsix(extensionFolder, join(vsixFolder, 'throwaway.vsix'));
    server = await startCodeServer({ name: 'smoke-ui', workspace, extensions: [vsix] });
    browser = await launchBrowser();
    page = await newPage(browser);
    await withFailureScreenshot(page, 'workbench', () => openWorkbench(page, server.workbenchUrl()));
    await screenshot(page, 'smoke-workbench');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    removeFolders(workspace, extensionFolder, vsixFolder);
  });

  test('shows the workspace file in the Explorer', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'explorer', async () => {
      // The Explorer is shown at start: switch away first so that showing it is really done by the helper.
      await openActivityContainer(page, 'Search');
      await openActivityContainer(page, 'Explorer');
      const row = page.locator('.pane-body .monaco-list-row', { hasText: 'hello.txt' });
      await waitFor(row, { timeoutMs: 30_000, message: 'hello.txt in the Explorer' });
      await screenshot(page, 'smoke-explorer');
    });
  });

  test('opens hello.txt through Go to File and shows its text', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'hello-txt', async () => {
      await openFileByName(page, 'hello.txt');
      const shown = await waitFor(async () => {
        const text = await activeEditorText(page);
        return text.startsWith(helloText) ? text : undefined;
      }, { timeoutMs: 30_000, message: 'the editor to show the text of hello.txt' });
      assert.equal(shown.trimEnd(), helloText);
      await screenshot(page, 'smoke-hello-txt');
    });
  });

  test('shows the container of an extension installed from a .vsix', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'installed-extension', async () => {
      await openActivityContainer(page, throwaway.containerTitle);
      const welcome = page.locator('.pane-body .welcome-view-content', { hasText: throwaway.welcomeText });
      await waitFor(welcome, { timeoutMs: 30_000, message: 'the welcome text of the installed extension' });
      await screenshot(page, 'smoke-installed-extension');
    });
  });
});

describe('tests inside the extension host', scenarioTimeout, () => {
  let workspace;
  let extensionFolder;
  let tests;
  let server;
  let browser;

  before(async () => {
    workspace = makeWorkspace();
    extensionFolder = makeTempFolder('ext');
    tests = writeThrowawayExtension(extensionFolder);
    server = await startCodeServer({
      name: 'smoke-extension-host',
      workspace,
      smokeTestDriver: true,
      // Reaching the extension host proves the route a later test uses to point at a fresh server build.
      env: { [throwaway.expectedFolderVariable]: workspace },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    removeFolders(workspace, extensionFolder);
  });

  test('a run() that resolves reports exit code 0', scenarioTimeout, async () => {
    const code = await runExtensionHostTests({
      browser, server, extensionPath: extensionFolder, testsPath: tests.passingTests, folder: workspace,
    });
    assert.equal(code, 0, `see ${consoleLogPath(server, tests.passingTests)}`);
  });

  test('a run() whose assertion fails reports a non-zero exit code', scenarioTimeout, async () => {
    const code = await runExtensionHostTests({
      browser, server, extensionPath: extensionFolder, testsPath: tests.failingTests, folder: workspace,
    });
    assert.notEqual(code, 0);
    // It failed for the reason it was written for, not because the extension or its tests did not load.
    const consoleText = readFileSync(consoleLogPath(server, tests.failingTests), 'utf8');
    assert.match(consoleText, /AssertionError/);
    assert.match(consoleText, /-not-open/);
  });
});
