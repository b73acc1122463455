// Results where the config is edited, in a real VS Code: the packaged .vsix in a clean code-server, opened on the
// demo workspace `npm start` generates (scripts/demo/workspace.mjs), with its params.yaml in the editor. The
// params.yaml sets lr 0.01, a value dozens of the resnet-sweep runs tried, and batch_size 96, which no run tried.
// What the cards, lenses and hints must say is worked out from the same workspace by the packaged server's own
// `scan --json` (the runs as the index reads them), not written into this test. The steps: a hover on the value
// shows its run count, the main metric and the best run, whose link reveals it in the Runs view; code lenses sit above the keys and at the top (which says
// how many runs used this file); an inlay
// hint follows the value; switching ideTracker.inlayHints.enabled off takes the hints away at once (and on brings
// them back); a half-typed line brings no error notification and the card still comes; and in the Hydra conf/,
// a choice of the defaults list shows the sweep jobs composed from it.
// Screenshots: test-output/e2e/configs-<step>.png.
//
// IDE_TRACKER_VSIX          the .vsix to install (default <repo>/out/ide-tracker-linux-x64.vsix, `npm run package`)
// IDE_TRACKER_EXTENSION_DIR the extension folder whose server/ `npm run package` published (default <repo>/extension)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureDemoWorkspace } from '../../scripts/demo/workspace.mjs';
import { launchBrowser, newPage, openWorkbench } from './harness/browser.mjs';
import { startCodeServer } from './harness/codeServer.mjs';
import {
  codeLenses, editableSettingsJson, editorLines, hoverEditorWord, inlayHintAfter, insertAtEnd, notificationToasts,
  replaceUserSettings,
} from './harness/editor.mjs';
import { repoRoot } from './harness/paths.mjs';
import { eventually, requireFile, withFailureScreenshot } from './harness/steps.mjs';
import { openFileByPath, runCommand, screenshot, setColorTheme, statusBarText, treeRow, waitFor } from './harness/vscode.mjs';

const vsix = resolve(process.env.IDE_TRACKER_VSIX ?? join(repoRoot, 'out', 'ide-tracker-linux-x64.vsix'));
const extensionDir = resolve(process.env.IDE_TRACKER_EXTENSION_DIR ?? join(repoRoot, 'extension'));
const serverExecutable = join(extensionDir, 'server', 'ide-tracker');

const statusItem = 'ide-tracker.ide-tracker.ideTracker.status';
const scenarioTimeout = { timeout: 180_000 };
// Indexing the demo's few hundred runs on a busy 2-core machine, from a cold start of VS Code.
const indexMs = 120_000;
// Once the index is there, what the editor shows must settle within this time.
const settleMs = 30_000;
const inlayHintsSetting = 'ideTracker.inlayHints.enabled';

// The lines of the demo's params.yaml this test points at, as written.
const lrLine = 'lr: 0.01';
const newValueLine = 'batch_size: 96';
const mainMetric = 'val_acc';

/** The runs of `folder` as the packaged server's `scan --json` reads them, with an index outside the folder. */
function scanRuns(folder, indexFile) {
  const scan = spawnSync(serverExecutable, ['scan', folder, '--json', '--index', indexFile], { encoding: 'utf8', timeout: 120_000 });
  if (scan.status !== 0) throw new Error(`${serverExecutable} scan failed (${scan.status ?? scan.signal}):\n${scan.stderr}`);
  return JSON.parse(scan.stdout);
}

/** What the cards must say about `lr`, from the scanned runs: numbers compare as numbers (0.01 = 1e-2). */
function expectationsFor(runs) {
  const withLr = runs.filter((run) => run.params.lr !== undefined);
  const withValue = withLr.filter((run) => Number(run.params.lr) === 0.01);
  const scored = withValue.filter((run) => Number.isFinite(run.metrics[mainMetric]?.max));
  assert.ok(withValue.length >= 10 && scored.length > 0, `the demo has runs with lr 0.01 that report ${mainMetric}`);
  const best = scored.reduce((a, b) => (b.metrics[mainMetric].max > a.metrics[mainMetric].max ? b : a));
  return {
    totalRuns: count(runs.length),
    keyRuns: count(withLr.length),
    // Hydra records the group options a job was composed from as tags.
    adamRuns: count(runs.filter((run) => run.tags['hydra.choice.optimizer'] === 'adam').length),
    valueRuns: count(withValue.length),
    bestRun: best.name,
  };
}

/** "1,234 runs" as every label spells a count. */
function count(n) {
  return `${n.toLocaleString('en-US')} runs`;
}

describe('results in a config file in a real VS Code', scenarioTimeout, () => {
  let parent;
  let folder;
  let expected;
  let paramsText;
  let server;
  let browser;
  let page;

  before(async () => {
    requireFile(vsix, 'run `npm run package` or point IDE_TRACKER_VSIX at a packaged extension');
    requireFile(serverExecutable, 'run `npm run package` or point IDE_TRACKER_EXTENSION_DIR at a packaged extension folder');
    parent = realpathSync(mkdtempSync(join(tmpdir(), 'ide-tracker-e2e-configs-')));
    folder = join(parent, 'demo');
    ensureDemoWorkspace(folder);
    paramsText = readFileSync(join(folder, 'params.yaml'), 'utf8');
    const lines = paramsText.split('\n');
    assert.ok(lines.includes(lrLine) && lines.includes(newValueLine), `the demo's params.yaml sets "${lrLine}" and "${newValueLine}"`);
    expected = expectationsFor(scanRuns(folder, join(parent, 'scan-index.db')));

    server = await startCodeServer({
      name: 'configs-ui',
      workspace: folder,
      extensions: [vsix],
      settings: {
        ...editableSettingsJson,
        // So that the half-typed line below stays half-typed and unsaved: no bracket or quote is closed for the
        // typist, and VS Code in a browser would otherwise save it a moment later (its web default).
        '[yaml]': { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never' },
        'files.autoSave': 'off',
        // The demo's DVC project is a git repository: no offer to open it over the editor in the pictures.
        'git.openRepositoryInParentFolders': 'never',
        'git.autoRepositoryDetection': false,
      },
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    await withFailureScreenshot(page, 'configs-workbench', async () => {
      await openWorkbench(page, server.workbenchUrl(folder, [['openFile', server.remoteUri(join(folder, 'params.yaml'))]]));
      await waitFor(page.locator('.tabs-container .tab.active[data-resource-name="params.yaml"]'),
        { timeoutMs: 30_000, message: 'params.yaml in the editor' });
      await eventually(async () => assert.match(await statusBarText(page, statusItem) ?? '', new RegExp(`^${expected.totalRuns}\\b`)),
        { timeoutMs: indexMs, message: `the status bar to report the index of ${expected.totalRuns}` });
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  test('a hover on a value shows how many runs used it, the main metric and the best run', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-hover', async () => {
      const hover = await hoverEditorWord(page, lrLine, '0.01', (text) => text.includes(expected.valueRuns), { timeoutMs: settleMs });
      const text = await hover.innerText();
      assert.match(text, new RegExp(`\\b${expected.valueRuns}\\b`));
      assert.ok(text.includes(mainMetric), `the card names the main metric ${mainMetric}:\n${text}`);
      assert.ok(text.includes(expected.bestRun), `the card names the best run ${expected.bestRun}:\n${text}`);
      await screenshot(page, 'configs-hover', { keepPointer: true });

      // The card's link runs one of our commands (the hover's Markdown trusts exactly those): the run shows in the tree.
      await hover.getByRole('link', { name: 'Reveal in tree' }).click();
      const bestRow = treeRow(page, 'Runs', expected.bestRun);
      await waitFor(bestRow, { timeoutMs: settleMs, message: `${expected.bestRun} revealed in the Runs view` });
      await waitFor(async () => (await bestRow.getAttribute('aria-selected')) === 'true',
        { timeoutMs: settleMs, message: `${expected.bestRun} selected in the Runs view` });

      const never = await hoverEditorWord(page, newValueLine, '96', (shown) => /never tried/i.test(shown), { timeoutMs: settleMs });
      assert.match(await never.innerText(), /never tried/i);
      await page.mouse.move(1, 1);
    });
  });

  test('code lenses sit above the keys runs recorded and at the top of the file', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-lenses', async () => {
      const firstLine = paramsText.split('\n')[0];
      await eventually(async () => {
        const lenses = await codeLenses(page);
        const above = (line) => lenses.find((lens) => lens.line?.startsWith(line))?.text ?? `(no lens above "${line}" among ${JSON.stringify(lenses)})`;
        // No run used every value of this file (batch_size 96 is new), and the file's lens says so.
        assert.match(above(firstLine), /this file/, 'the lens at the top of the file');
        assert.ok(above(lrLine).includes(expected.keyRuns), `the lens above lr counts the ${expected.keyRuns} that recorded it: ${above(lrLine)}`);
        assert.ok(above(lrLine).includes(mainMetric), `the lens above lr names ${mainMetric}: ${above(lrLine)}`);
        assert.match(above(newValueLine), /\d runs\b/, 'the lens above batch_size');
      }, { timeoutMs: settleMs, message: 'the code lenses of params.yaml' });
      await screenshot(page, 'configs-lenses');
    });
  });

  test('an inlay hint after a value shows its best result and run count', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-hints', async () => {
      await eventually(async () => assert.ok((await inlayHintAfter(page, lrLine))?.includes(expected.valueRuns),
        `the hint after "${lrLine}" counts ${expected.valueRuns}: ${JSON.stringify(await inlayHintAfter(page, lrLine))}`),
      { timeoutMs: settleMs, message: `an inlay hint after "${lrLine}"` });
      await eventually(async () => assert.ok(await inlayHintAfter(page, newValueLine), `a hint after "${newValueLine}" says it is new`),
        { timeoutMs: settleMs, message: `an inlay hint after "${newValueLine}"` });
    });
  });

  test('switching the inlay hints setting off takes the hints away at once, and on brings them back', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-hints-off', async () => {
      await eventually(async () => assert.ok((await inlayHintAfter(page, lrLine))?.includes(expected.valueRuns)),
        { timeoutMs: settleMs, message: `the hint after "${lrLine}" before the switch` });
      await replaceUserSettings(page, server, server.userSettingsWith({ [inlayHintsSetting]: false }));
      await eventually(async () => assert.equal(await inlayHintAfter(page, lrLine), ''),
        { timeoutMs: settleMs, message: `the hint after "${lrLine}" to go` });
      assert.ok((await codeLenses(page)).length > 0, 'the code lenses stay');
      await screenshot(page, 'configs-hints-off');

      await replaceUserSettings(page, server, server.userSettingsWith({ [inlayHintsSetting]: undefined }));
      await eventually(async () => assert.ok((await inlayHintAfter(page, lrLine))?.includes(expected.valueRuns)),
        { timeoutMs: settleMs, message: `the hint after "${lrLine}" to come back` });
    });
  });

  test('a half-typed line brings no error notification, and the card still comes', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-half-typed', async () => {
      const halfTyped = 'warmup: [0.1, 0.';
      await insertAtEnd(page, `\n${halfTyped}`);
      await waitFor(async () => (await editorLines(page)).some((line) => line.text.startsWith(halfTyped)),
        { timeoutMs: settleMs, message: 'the half-typed line in the editor' });
      // The hover is asked for after the change reached the server: a card means it read the half-typed, unsaved text.
      await hoverEditorWord(page, lrLine, '0.01', (text) => text.includes(expected.valueRuns), { timeoutMs: settleMs });
      await page.mouse.move(1, 1);
      await eventually(async () => assert.ok((await inlayHintAfter(page, lrLine))?.includes(expected.valueRuns)),
        { timeoutMs: settleMs, message: 'the hints to stay while the line is half typed' });
      const toasts = await notificationToasts(page);
      assert.deepEqual(toasts.filter((toast) => toast.severity === 'error' || /ide-tracker|request/i.test(toast.text)), [],
        'no notification about the half-typed line');
      await screenshot(page, 'configs-half-typed');

      await runCommand(page, 'File: Revert File');
      await waitFor(async () => !(await editorLines(page)).some((line) => line.text.startsWith(halfTyped)),
        { timeoutMs: settleMs, message: 'the half-typed line to be reverted' });
      assert.equal(readFileSync(join(folder, 'params.yaml'), 'utf8'), paramsText, 'params.yaml on disk is as it was');
    });
  });

  test('a choice in a Hydra defaults list shows the runs composed from it', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-hydra', async () => {
      await openFileByPath(page, 'conf/config.yaml');
      const hover = await hoverEditorWord(page, '  - optimizer: adam', 'adam', (text) => text.includes(expected.adamRuns), { timeoutMs: settleMs });
      assert.ok((await hover.innerText()).includes(mainMetric), 'the card names the main metric');
      await screenshot(page, 'configs-hydra', { keepPointer: true });
      await page.mouse.move(1, 1);
    });
  });

  test('the card, lenses and hints read in a light theme too', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'configs-light', async () => {
      await setColorTheme(page, 'Light Modern');
      await openFileByPath(page, 'params.yaml');
      await eventually(async () => assert.ok((await inlayHintAfter(page, lrLine))?.includes(expected.valueRuns)),
        { timeoutMs: settleMs, message: `the hint after "${lrLine}" in the light theme` });
      await hoverEditorWord(page, lrLine, '0.01', (text) => text.includes(expected.valueRuns), { timeoutMs: settleMs });
      await screenshot(page, 'configs-light', { keepPointer: true });
      await page.mouse.move(1, 1);
    });
  });
});
