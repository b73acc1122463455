// The Runs view of the packaged extension in a real VS Code, as a person sees it: the .vsix (with its
// self-contained server) installed into a clean code-server, opened on a workspace this test generates
// in a temp folder (an MLflow file store and a Lightning CSVLogger version, see fixtures/runsWorkspace.mjs).
// The same steps run in a dark and in a light theme, each with its own change on disk; screenshots go to
// test-output/e2e/runs-<step>-<theme>.png. Then the extension's own extension-host suites run in
// code-server against the same kind of workspace.
//
// IDE_TRACKER_VSIX         the .vsix to install (default <repo>/out/ide-tracker-linux-x64.vsix, `npm run package`)
// IDE_TRACKER_EXTENSION_DIR the extension folder with its built dist/ and server/ for the extension-host
//                           suites (default <repo>/extension, `npm run build -w extension` or `npm run package`)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  addedRuns, appendValAcc, experiment, lightningVersion, runs, writeMlflowRun, writeRunsWorkspace,
} from './fixtures/runsWorkspace.mjs';
import { launchBrowser, newPage, openWorkbench } from './harness/browser.mjs';
import { startCodeServer } from './harness/codeServer.mjs';
import { consoleLogPath, runExtensionHostTests } from './harness/extensionHostTests.mjs';
import { repoRoot } from './harness/paths.mjs';
import { eventually, requireFile, withFailureScreenshot } from './harness/steps.mjs';
import {
  expandTreeRow, hoverTreeRow, openActivityContainer, resizeSideBar, screenshot, setColorTheme, statusBarText,
  treeRow, visibleTreeRows, waitFor, waitForColorTheme,
} from './harness/vscode.mjs';

const vsix = resolve(process.env.IDE_TRACKER_VSIX ?? join(repoRoot, 'out', 'ide-tracker-linux-x64.vsix'));
const extensionDir = resolve(process.env.IDE_TRACKER_EXTENSION_DIR ?? join(repoRoot, 'extension'));
const hostTests = join(extensionDir, 'dist', 'test', 'extensionHost', 'index.js');

const view = 'Runs';
const statusItem = 'ide-tracker.ide-tracker.ideTracker.status';
// The workspace folder's name is the label of the Lightning store, whose save dir is the workspace itself.
const workspaceName = 'runs-demo';
const scenarioTimeout = { timeout: 180_000 };
// A change on disk must reach the view through the file watcher and the server within this time.
const liveUpdateMs = 20_000;
// Once shown, the view must settle on what is on disk within this time.
const settleMs = 10_000;

// Each theme's pass appends its own val_acc point to the finished run and writes its own new run.
const passes = [
  { theme: 'Dark Modern', slug: 'dark', appended: { value: 0.93, step: 3 }, added: addedRuns[0] },
  { theme: 'Light Modern', slug: 'light', appended: { value: 0.95, step: 4 }, added: addedRuns[1] },
];

const icons = {
  finished: ['pass'],
  failed: ['error'],
  running: ['sync'],
  killed: ['circle-slash'],
  unknown: ['circle-outline'],
};
// A run still being written spins, whatever its status: the running child and the Lightning version, whose files
// the workspace has just written, are live for the whole scenario.
const liveIcon = ['sync', 'modifier-spin'];

function makeWorkspace() {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), 'ide-tracker-e2e-runs-')));
  const folder = join(parent, workspaceName);
  mkdirSync(folder);
  writeRunsWorkspace(folder);
  return { parent, folder };
}



/** Waits until the row labelled `label` shows `description`; fails saying what it showed instead. */
async function waitForDescription(page, label, description, timeoutMs) {
  await eventually(async () => {
    const shown = (await visibleTreeRows(page, view)).find((row) => row.label === label);
    assert.equal(shown ? shown.description : `(no row "${label}")`, description);
  }, { timeoutMs, message: `"${label}" to show "${description}"` });
}


/** The tree as it must look with every store, the experiment, the Lightning version and the finished run expanded. */
function checkTree(rows, { finishedValAcc, added }) {
  const row = (label) => {
    const found = rows.find((r) => r.label === label);
    assert.ok(found, `a row "${label}" among ${rows.map((r) => r.label).join(', ')}`);
    return found;
  };
  const storeRow = row('mlruns');
  assert.equal(storeRow.description, `MLflow · ${3 + added.length} runs`);
  assert.equal(row(workspaceName).description, 'Lightning · 1 run');
  assert.equal(row(experiment.name).level, storeRow.level + 1);
  assert.match(row(experiment.name).description, new RegExp(`^${3 + added.length} runs · latest `));

  const expected = [
    { run: runs.finished, description: `val_acc ${finishedValAcc} · 3 days ago`, level: 3 },
    { run: runs.failed, description: runs.failed.description, level: 3 },
    // Started minutes ago: the minutes go on counting while the test runs.
    { run: runs.runningChild, description: /^val_acc 0\.64 · \d+ minutes ago$/, level: 4 },
    ...added.map((run) => ({ run, description: run.description, level: 3 })),
  ];
  const runRows = rows.filter((r) => r.level >= 3 && r.level <= 4 && r.label !== lightningVersion);
  assert.deepEqual(runRows.map((r) => r.label).sort(), expected.map((e) => e.run.name).sort());
  for (const { run, description, level } of expected) {
    const shown = row(run.name);
    assert.equal(shown.level, level, `level of ${run.name}`);
    const live = run.status === 'running';
    assert.deepEqual(shown.icons, live ? liveIcon : icons[run.status], `status icon of ${run.name}`);
    if (typeof description === 'string') assert.equal(shown.description, description, `description of ${run.name}`);
    else assert.match(shown.description, description, `description of ${run.name}`);
    assert.equal(shown.ariaLabel, `${run.name}, ${run.status}${live ? ', live' : ''}, ${shown.description}`);
  }
  // The child run sits right under its parent.
  assert.equal(rows.indexOf(row(runs.runningChild.name)), rows.indexOf(row(runs.finished.name)) + 1);

  const lightning = row(lightningVersion);
  assert.deepEqual(lightning.icons, liveIcon);
  assert.match(lightning.description, /^val_acc 0\.66 · .+ ago$/);
}

/** The rows of one table of the hover, as arrays of cell texts, found by its first header cell. */
async function hoverTable(hover, firstHeader) {
  return hover.locator('table').evaluateAll((tables, header) => {
    const table = tables.find((t) => t.querySelector('th')?.textContent.trim() === header);
    return table ? [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent.trim())) : undefined;
  }, firstHeader);
}

describe('the Runs view of the installed .vsix in a real VS Code', scenarioTimeout, () => {
  let workspace;
  let server;
  let browser;
  let page;
  // What is on disk now: the finished run's last val_acc and its number of points, and the runs
  // written while VS Code is open.
  let finishedValAcc = runs.finished.valAcc.at(-1);
  let finishedSteps = runs.finished.valAcc.length;
  const added = [];

  before(async () => {
    requireFile(vsix, 'run `npm run package` or point IDE_TRACKER_VSIX at a packaged extension');
    workspace = makeWorkspace();
    server = await startCodeServer({
      name: 'runs-ui',
      workspace: workspace.folder,
      extensions: [vsix],
      settings: { 'workbench.colorTheme': passes[0].theme },
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    await withFailureScreenshot(page, 'runs-workbench', async () => {
      await openWorkbench(page, server.workbenchUrl());
      await waitForColorTheme(page, passes[0].theme);
      await openActivityContainer(page, 'Experiments');
      // Wide enough that no description is cut short with "…".
      await resizeSideBar(page, 520);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) rmSync(workspace.parent, { recursive: true, force: true });
  });

  for (const pass of passes) {
    const shot = (step) => `runs-${step}-${pass.slug}`;

    test(`shows stores, the experiment and its runs with status and main metric (${pass.slug})`, scenarioTimeout, async () => {
      await withFailureScreenshot(page, shot('tree'), async () => {
        if (pass !== passes[0]) await setColorTheme(page, pass.theme);
        await waitFor(treeRow(page, view, 'mlruns'), { timeoutMs: 60_000, message: 'the mlruns store in the Runs view' });
        await expandTreeRow(treeRow(page, view, workspaceName));
        await expandTreeRow(treeRow(page, view, 'mlruns'));
        await expandTreeRow(treeRow(page, view, experiment.name));
        await expandTreeRow(treeRow(page, view, 'lightning_logs'));
        await expandTreeRow(treeRow(page, view, runs.finished.name));
        await waitFor(treeRow(page, view, runs.runningChild.name), { message: 'the child run under its parent' });

        // Rows may pass through an earlier state while the index settles; what matters is what they settle on.
        await eventually(async () => checkTree(await visibleTreeRows(page, view), { finishedValAcc, added }),
          { timeoutMs: settleMs, message: 'the Runs view to show the runs on disk' });
        // Live: the running child and the Lightning version, both just written; finished runs never are.
        await eventually(async () => assert.equal(await statusBarText(page, statusItem), `${4 + added.length} runs · 2 live`),
          { timeoutMs: settleMs, message: 'the status bar summary' });
        await screenshot(page, shot('tree'));
      });
    });

    test(`updates a run's main metric when its metrics file grows, without Refresh (${pass.slug})`, scenarioTimeout, async () => {
      await withFailureScreenshot(page, shot('live-metric'), async () => {
        const before = (await visibleTreeRows(page, view)).find((r) => r.label === runs.finished.name);
        assert.equal(before?.description, `val_acc ${finishedValAcc} · 3 days ago`);
        appendValAcc(workspace.folder, runs.finished, pass.appended.value, pass.appended.step);
        finishedValAcc = pass.appended.value;
        finishedSteps += 1;
        await waitForDescription(page, runs.finished.name, `val_acc ${pass.appended.value} · 3 days ago`, liveUpdateMs);
        await screenshot(page, shot('live-metric'));
      });
    });

    test(`shows a run folder written while VS Code is open, without Refresh (${pass.slug})`, scenarioTimeout, async () => {
      await withFailureScreenshot(page, shot('new-run'), async () => {
        // Written in one go, as MLflow writes a new run or a person copies one in.
        writeMlflowRun(workspace.folder, pass.added);
        added.push(pass.added);
        await waitForDescription(page, pass.added.name, pass.added.description, liveUpdateMs);
        const row = (await visibleTreeRows(page, view)).find((r) => r.label === pass.added.name);
        assert.deepEqual(row.icons, icons[pass.added.status]);
        assert.equal(row.ariaLabel, `${pass.added.name}, ${pass.added.status}, ${pass.added.description}`);
        await waitFor(async () => (await statusBarText(page, statusItem)) === `${4 + added.length} runs · 2 live`,
          { timeoutMs: liveUpdateMs, message: `the status bar to count ${4 + added.length} runs` });
        await screenshot(page, shot('new-run'));
      });
    });

    test(`shows a run's params and metrics in its Markdown tooltip (${pass.slug})`, scenarioTimeout, async () => {
      await withFailureScreenshot(page, shot('tooltip'), async () => {
        const hover = await hoverTreeRow(page, treeRow(page, view, runs.finished.name), (text) => /\blr\b/.test(text));
        assert.match(await hover.locator('strong').first().innerText(), new RegExp(`^${runs.finished.name}$`));
        assert.deepEqual(await hoverTable(hover, 'param'), Object.entries(runs.finished.params));
        const metrics = await hoverTable(hover, 'metric');
        const valAcc = metrics?.find((cells) => cells[0] === 'val_acc');
        // last, min, max, steps: the tooltip is fetched after the change, so it knows the new point.
        assert.deepEqual(valAcc, ['val_acc', String(finishedValAcc), '0.5', String(finishedValAcc), String(finishedSteps)]);
        await screenshot(page, shot('tooltip'), { keepPointer: true });
        // Away from the row, so the hover does not cover the next step.
        await page.mouse.move(1, 790);
        await waitFor(async () => !(await hover.isVisible()), { message: 'the hover to close' });
      });
    });
  }
});

describe('the extension-host suites of the extension', scenarioTimeout, () => {
  let workspace;
  let server;
  let browser;

  before(async () => {
    requireFile(hostTests, 'build the extension first (`npm run build -w extension`), or set IDE_TRACKER_EXTENSION_DIR');
    requireFile(join(extensionDir, 'server', 'ide-tracker'),
      'publish the server into the extension first (`npm run package`), or set IDE_TRACKER_EXTENSION_DIR');
    workspace = makeWorkspace();
    server = await startCodeServer({ name: 'runs-extension-host', workspace: workspace.folder, smokeTestDriver: true });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) rmSync(workspace.parent, { recursive: true, force: true });
  });

  test('pass against the generated workspace', scenarioTimeout, async () => {
    const code = await runExtensionHostTests({
      browser, server, extensionPath: extensionDir, testsPath: hostTests, folder: workspace.folder,
    });
    assert.equal(code, 0, `see ${consoleLogPath(server, hostTests)}`);
  });
});
