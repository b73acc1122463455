// Every format ide-tracker reads, in one real VS Code: the packaged extension opened on the demo workspace
// `npm start` generates (scripts/demo/workspace.mjs: MLflow, Lightning, TensorBoard, W&B, Sacred, Hydra, DVC,
// Guild, Keras/JSONL logs), written into a temp folder. The Runs view must list a store of each source, a
// Hydra sweep with its jobs as child runs, and a W&B run's tooltip with what the run recorded. Screenshots go
// to test-output/e2e/formats-<step>.png, in the default light theme and, for the tree, in a dark one.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureDemoWorkspace } from '../../scripts/demo/workspace.mjs';
import { launchBrowser, newPage, openWorkbench } from './harness/browser.mjs';
import { startCodeServer } from './harness/codeServer.mjs';
import { repoRoot } from './harness/paths.mjs';
import {
  expandTreeRow, hoverTreeRow, openActivityContainer, resizeSideBar, screenshot, scrollTreeRowIntoView, setColorTheme, treeRow, visibleTreeRows,
  waitFor,
} from './harness/vscode.mjs';

const vsix = resolve(process.env.IDE_TRACKER_VSIX ?? join(repoRoot, 'out', 'ide-tracker-linux-x64.vsix'));
const view = 'Runs';
const scenarioTimeout = { timeout: 180_000 };
const sources = ['MLflow', 'Lightning', 'TensorBoard', 'W&B', 'Sacred', 'Hydra', 'DVC', 'Guild', 'CSV'];

async function collapseTreeRow(row) {
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  await waitFor(async () => (await row.getAttribute('aria-expanded')) === 'false', { timeoutMs: 15_000, message: `${row} to fold` });
}

describe('runs of every format in a real VS Code', scenarioTimeout, () => {
  let parent;
  let server;
  let browser;
  let page;

  before(async () => {
    parent = realpathSync(mkdtempSync(join(tmpdir(), 'ide-tracker-e2e-formats-')));
    const folder = join(parent, 'demo');
    ensureDemoWorkspace(folder);
    server = await startCodeServer({ name: 'formats', workspace: folder, extensions: [vsix] });
    browser = await launchBrowser();
    page = await newPage(browser);
    await openWorkbench(page, server.workbenchUrl());
    await openActivityContainer(page, 'Experiments');
    await resizeSideBar(page, 560);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  test('lists a store of each source, with its run count', scenarioTimeout, async () => {
    let stores = [];
    try {
      await waitFor(async () => {
        stores = (await visibleTreeRows(page, view)).filter((r) => r.level === 1);
        return sources.every((source) => stores.some((s) => s.description.startsWith(`${source} · `)));
      }, { timeoutMs: 90_000, message: 'a store of every source in the Runs view' });
    } catch (error) {
      await screenshot(page, 'FAILED-formats-stores');
      throw new Error(`${error.message}; the stores shown: ${stores.map((s) => `${s.label} (${s.description})`).join(', ')}`);
    }
    const store = (label) => stores.find((s) => s.label === label);
    assert.equal(store('wandb')?.description, 'W&B · 6 runs');
    assert.equal(store('sacred_runs')?.description, 'Sacred · 8 runs');
    assert.equal(store('multirun')?.description, 'Hydra · 7 runs');
    assert.equal(store('dvc-project')?.description, 'DVC · 4 runs');
    await screenshot(page, 'formats-stores');
  });

  test('shows a Hydra sweep with its six jobs as child runs, each with the Lightning metric logged inside it', scenarioTimeout, async () => {
    await expandTreeRow(treeRow(page, view, 'multirun'));
    // Guild's runs have an experiment "train" too: the sweep's is the one holding its 7 runs.
    await expandTreeRow(treeRow(page, view, 'train').filter({ hasText: '7 runs' }));
    await expandTreeRow(treeRow(page, view, 'sweep 2026-11-28/14-05-12'));
    let jobs = [];
    await waitFor(async () => {
      jobs = (await visibleTreeRows(page, view)).filter((r) => /^#\d$/.test(r.label));
      return jobs.length === 6;
    }, { timeoutMs: 15_000, message: 'six Hydra jobs under the sweep' });
    const sweepRow = (await visibleTreeRows(page, view)).find((r) => r.label === 'sweep 2026-11-28/14-05-12');
    // Newest first, like every list of runs; the jobs' loggers started within a moment of each other.
    assert.deepEqual(jobs.map((j) => j.label).sort(), ['#0', '#1', '#2', '#3', '#4', '#5']);
    for (const job of jobs) {
      assert.equal(job.level, sweepRow.level + 1, `${job.label} sits under the sweep`);
      // The overrides lead the description, then the val_acc its Lightning logger wrote.
      assert.match(job.description, /^lr=0\.\d+, batch_size=(64|128) · val_acc 0\.\d+ · /, `description of ${job.label}`);
    }
    await screenshot(page, 'formats-hydra-sweep');
    // The list draws only the rows on screen: fold the sweep's store away again for the next steps.
    await collapseTreeRow(treeRow(page, view, 'multirun'));
  });

  test('shows a W&B offline run\'s config, history and environment in its tooltip', scenarioTimeout, async () => {
    await expandTreeRow(treeRow(page, view, 'wandb'));
    await expandTreeRow(treeRow(page, view, 'tiny-transformer'));
    const row = treeRow(page, view, 'lion-0.0003-0');
    await scrollTreeRowIntoView(page, view, row);
    const hover = await hoverTreeRow(page, row, (text) => text.includes('train/loss'));
    const text = await hover.innerText();
    assert.match(text, /lion-0\.0003-0 · finished · W&B · tiny-transformer/);
    assert.match(text, /Python 3\.11\.7/);
    assert.match(text, /3 packages/);
    assert.match(text, /train\/loss/);
    assert.match(text, /optimizer/);
    await screenshot(page, 'formats-wandb-tooltip', { keepPointer: true });
  });

  test('shows the same tree in a dark theme', scenarioTimeout, async () => {
    await setColorTheme(page, 'Dark Modern');
    await expandTreeRow(treeRow(page, view, 'multirun'));
    await waitFor(async () => (await visibleTreeRows(page, view)).filter((r) => /^#\d$/.test(r.label)).length === 6,
      { timeoutMs: 15_000, message: 'the sweep\'s six jobs in the dark theme' });
    await screenshot(page, 'formats-hydra-sweep-dark');
  });
});
