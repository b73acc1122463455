// Filtering, comparing and starring runs in a real VS Code, as a person does it: the packaged .vsix in a
// clean code-server, on a workspace of eight MLflow runs this test writes (fixtures/compareWorkspace.mjs).
// The steps: a wrong filter is refused where it fails and the view keeps its runs; a right one narrows
// the tree and shows itself on the view; two runs selected in the tree open the compare panel, whose
// params table hides what is the same until "only differences" is turned off; the curves and the scatter
// draw; a run whose name is HTML with script shows as text and runs nothing; a star set in the tree lands
// in .ide-tracker/ and in the filter. Screenshots: test-output/e2e/compare-<step>.png.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { experiment, hostileName, runs, writeCompareWorkspace } from './fixtures/compareWorkspace.mjs';
import { launchBrowser, newPage, openWorkbench } from './harness/browser.mjs';
import { startCodeServer } from './harness/codeServer.mjs';
import { repoRoot } from './harness/paths.mjs';
import { eventually, requireFile, withFailureScreenshot } from './harness/steps.mjs';
import {
  contextMenuAction, expandTreeRow, openActivityContainer, quickInputRowTexts, quickInputVisible, resizeSideBar,
  runCommand, screenshot, setColorTheme, startCommandInput, treeRow, treeRowAction, treeViewMessage, visibleTreeRows, waitFor,
  webviewContent,
} from './harness/vscode.mjs';

const vsix = resolve(process.env.IDE_TRACKER_VSIX ?? join(repoRoot, 'out', 'ide-tracker-linux-x64.vsix'));
const view = 'Runs';
const scenarioTimeout = { timeout: 180_000 };
const settleMs = 20_000;
const filterCommand = 'ide-tracker: Filter Runs…';

const byName = Object.fromEntries(runs.map((run) => [run.name, run]));
/** lr < 0.05 and adam: the two lr=0.01 seeds and lr=0.001. */
const adamSmallLr = ['adam-lr0.01-s1', 'adam-lr0.01-s2', 'adam-lr0.001-s1'];

describe('filtering, comparing and starring runs in a real VS Code', scenarioTimeout, () => {
  let workspace;
  let server;
  let browser;
  let page;

  before(async () => {
    requireFile(vsix, 'run `npm run package` or point IDE_TRACKER_VSIX at a packaged extension');
    const parent = realpathSync(mkdtempSync(join(tmpdir(), 'ide-tracker-e2e-compare-')));
    workspace = { parent, folder: join(parent, 'compare-demo') };
    mkdirSync(workspace.folder);
    writeCompareWorkspace(workspace.folder);
    server = await startCodeServer({
      name: 'compare-ui', workspace: workspace.folder, extensions: [vsix], settings: { 'workbench.colorTheme': 'Dark Modern' },
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    await withFailureScreenshot(page, 'compare-workbench', async () => {
      await openWorkbench(page, server.workbenchUrl());
      await openActivityContainer(page, 'Experiments');
      await resizeSideBar(page, 520);
      await waitFor(treeRow(page, view, 'mlruns'), { timeoutMs: 60_000, message: 'the mlruns store in the Runs view' });
      await expandTreeRow(treeRow(page, view, 'mlruns'));
      await expandTreeRow(treeRow(page, view, experiment.name));
      await eventually(async () => assert.equal(await runRowCount(), runs.length),
        { timeoutMs: settleMs, message: `the ${runs.length} runs of ${experiment.name}` });
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) rmSync(workspace.parent, { recursive: true, force: true });
  });

  async function runRowCount() {
    return (await visibleTreeRows(page, view)).filter((row) => row.level === 3).length;
  }

  async function runRowLabels() {
    return (await visibleTreeRows(page, view)).filter((row) => row.level === 3).map((row) => row.label).sort();
  }

  test('a filter that does not parse is refused where it fails, and the view keeps every run', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-filter-error', async () => {
      const input = await startCommandInput(page, filterCommand);
      await input.fill('optimizer = adam and lr <');
      await eventually(async () => assert.match((await quickInputRowTexts(page))[0] ?? '', /column 26: expected .*value/),
        { timeoutMs: settleMs, message: 'the error under the filter' });
      await screenshot(page, 'compare-filter-error');
      await page.keyboard.press('Enter');
      // Refused: the picker stays open with the message; Escape leaves the old (no) filter on.
      assert.equal(await quickInputVisible(page), true);
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await quickInputVisible(page)), { message: 'the filter picker to close' });
      assert.equal(await runRowCount(), runs.length);
      assert.equal(await treeViewMessage(page), '');
    });
  });

  test('a filter narrows the tree to the runs it matches and shows itself on the view', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-filtered', async () => {
      const input = await startCommandInput(page, filterCommand);
      await input.fill('optimizer = adam and lr < 0.05');
      await eventually(async () => assert.match((await quickInputRowTexts(page))[0] ?? '', /3 runs match/),
        { timeoutMs: settleMs, message: 'the count of matching runs under the filter' });
      await page.keyboard.press('Enter');
      await waitFor(async () => !(await quickInputVisible(page)), { message: 'the filter picker to close' });
      await eventually(async () => assert.equal(await treeViewMessage(page), 'Filtered: optimizer = adam and lr < 0.05 · 3 runs'),
        { timeoutMs: settleMs, message: 'the filter shown above the runs' });
      await expandTreeRow(treeRow(page, view, experiment.name));
      await eventually(async () => assert.deepEqual(await runRowLabels(), [...adamSmallLr].sort()),
        { timeoutMs: settleMs, message: 'the tree to show only the matching runs' });
      await screenshot(page, 'compare-filtered');
    });
  });

  test('two runs selected in the tree open the compare panel; "only differences" hides what they share', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-params', async () => {
      await treeRow(page, view, 'adam-lr0.01-s1').click();
      await treeRow(page, view, 'adam-lr0.001-s1').click({ modifiers: ['Control'] });
      await contextMenuAction(page, treeRow(page, view, 'adam-lr0.001-s1'), 'Compare Runs');
      const panel = webviewContent(page);
      await waitFor(panel.locator('[data-testid="compare-root"]'), { timeoutMs: 30_000, message: 'the compare panel' });
      const headers = panel.locator('[data-testid="params-table"] [role="columnheader"] .run-name');
      await eventually(async () => assert.deepEqual((await headers.allInnerTexts()).sort(), ['adam-lr0.001-s1', 'adam-lr0.01-s1']),
        { timeoutMs: settleMs, message: 'a column per selected run' });
      const rowKeys = panel.locator('[data-testid="params-table"] [role="rowheader"]');
      const onlyDifferences = panel.locator('[data-testid="only-differences"]');
      assert.equal(await onlyDifferences.isChecked(), true, '"only differences" is on at first');
      await eventually(async () => assert.deepEqual((await rowKeys.allInnerTexts()).sort(), ['lr']),
        { timeoutMs: settleMs, message: 'only lr differs between the two' });
      await screenshot(page, 'compare-params');
      await onlyDifferences.click();
      await eventually(async () => assert.deepEqual((await rowKeys.allInnerTexts()).sort(), ['batch_size', 'lr', 'optimizer', 'seed']),
        { timeoutMs: settleMs, message: 'every param once "only differences" is off' });
      await screenshot(page, 'compare-params-all');
    });
  });

  test('the compare panel draws the curves and the scatter of a metric against a param', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-curves', async () => {
      const panel = webviewContent(page);
      await panel.locator('[data-testid="chart-kind"]').selectOption('curves');
      await panel.locator('[data-testid="chart-metric"]').selectOption('val_acc');
      await eventually(async () => assert.ok(await chartColours(panel) > 20, 'the chart canvas has drawn lines'),
        { timeoutMs: settleMs, message: 'the curves to draw' });
      await panel.locator('[data-testid="chart"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-curves');
      await panel.locator('[data-testid="chart-kind"]').selectOption('scatter');
      await panel.locator('[data-testid="param-picker"]').selectOption('lr');
      await eventually(async () => assert.ok(await chartColours(panel) > 5, 'the chart canvas has drawn points'),
        { timeoutMs: settleMs, message: 'the scatter to draw' });
      await panel.locator('[data-testid="chart"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-scatter');
    });
  });

  test('a run named with HTML and script shows its name as text and runs nothing', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-hostile', async () => {
      const input = await startCommandInput(page, filterCommand);
      await input.fill('name ~ "img"');
      await eventually(async () => assert.match((await quickInputRowTexts(page))[0] ?? '', /1 run matches/),
        { timeoutMs: settleMs, message: 'the hostile run to match' });
      await page.keyboard.press('Enter');
      await expandTreeRow(treeRow(page, view, experiment.name));
      const hostileRow = treeRow(page, view, hostileName);
      await waitFor(hostileRow, { timeoutMs: settleMs, message: 'the run with the HTML name as a tree row' });
      await contextMenuAction(page, hostileRow, 'Compare Runs');
      const panel = webviewContent(page);
      const header = panel.locator('[data-testid="params-table"] [role="columnheader"] .run-name');
      await eventually(async () => assert.deepEqual(await header.allInnerTexts(), [hostileName]),
        { timeoutMs: settleMs, message: 'the HTML name shown as text in the column header' });
      await panel.locator('[data-testid="only-differences"]').uncheck();
      const values = panel.locator('[data-testid="params-table"] [role="gridcell"]');
      await eventually(async () => assert.ok((await values.allInnerTexts()).includes(byName[hostileName].params.comment)),
        { timeoutMs: settleMs, message: 'the script param shown as text' });
      const injected = await panel.locator('body').evaluate(() => ({
        images: document.querySelectorAll('img[src="x"]').length,
        scripts: [...document.scripts].filter((script) => script.textContent.includes('pwned')).length,
      }));
      assert.deepEqual(injected, { images: 0, scripts: 0 }, 'no element was made from a run string');
      assert.notEqual(await panel.locator('body').evaluate(() => document.title), 'pwned');
      assert.notEqual(await page.title(), 'pwned');
      await screenshot(page, 'compare-hostile');
    });
  });

  test('a star set in the tree shows on the row, is written to .ide-tracker/ and is found by the filter', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-starred', async () => {
      const input = await startCommandInput(page, filterCommand);
      await input.fill('');
      await page.keyboard.press('Enter');
      await waitFor(async () => !(await quickInputVisible(page)), { message: 'the filter picker to close' });
      await eventually(async () => assert.equal(await treeViewMessage(page), ''), { timeoutMs: settleMs, message: 'the filter to clear' });
      await expandTreeRow(treeRow(page, view, experiment.name));
      const target = 'sgd-lr0.01-s2';
      await treeRowAction(page, treeRow(page, view, target), 'Star');
      await eventually(async () => {
        const row = (await visibleTreeRows(page, view)).find((r) => r.label === target);
        assert.deepEqual(row?.icons, ['star-full']);
      }, { timeoutMs: settleMs, message: `${target} to show a star` });
      const folder = join(workspace.folder, '.ide-tracker', 'runs');
      const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
      assert.equal(files.length, 1);
      const written = JSON.parse(readFileSync(join(folder, files[0]), 'utf8'));
      assert.equal(written.starred, true);
      assert.equal(written.snapshot?.name, target);

      const filter = await startCommandInput(page, filterCommand);
      await filter.fill('starred');
      await eventually(async () => assert.match((await quickInputRowTexts(page))[0] ?? '', /1 run matches/),
        { timeoutMs: settleMs, message: 'the starred run to match' });
      await page.keyboard.press('Enter');
      await expandTreeRow(treeRow(page, view, experiment.name));
      await eventually(async () => assert.deepEqual(await runRowLabels(), [target]),
        { timeoutMs: settleMs, message: 'the filter "starred" to show the starred run only' });
      await screenshot(page, 'compare-starred');
    });
  });

  test('the runs a filter selects open in compare from the view, grouped by lr, in a light theme', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-grouped-light', async () => {
      await setColorTheme(page, 'Light Modern');
      const input = await startCommandInput(page, filterCommand);
      await input.fill('optimizer = adam');
      await eventually(async () => assert.match((await quickInputRowTexts(page))[0] ?? '', /4 runs match/),
        { timeoutMs: settleMs, message: 'the adam runs to match' });
      await page.keyboard.press('Enter');
      await waitFor(async () => !(await quickInputVisible(page)), { message: 'the filter picker to close' });
      await runCommand(page, 'ide-tracker: Compare Filtered Runs');
      const panel = webviewContent(page);
      const headers = panel.locator('[data-testid="params-table"] [role="columnheader"] .run-name');
      await eventually(async () => assert.equal((await headers.allInnerTexts()).length, 4),
        { timeoutMs: settleMs, message: 'a column per adam run' });
      await panel.locator('[data-testid="chart-kind"]').selectOption('curves');
      await panel.locator('[data-testid="group-by"]').selectOption('param:lr');
      // Three lr values: the two lr=0.01 seeds are one mean line with a band.
      await eventually(async () => assert.ok(await chartColours(panel) > 20, 'the grouped curves have drawn'),
        { timeoutMs: settleMs, message: 'the grouped curves to draw' });
      const background = await panel.locator('body').evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.match(background, /rgb\((2[3-5]\d), (2[3-5]\d), (2[3-5]\d)\)/, `a light panel, not ${background}`);
      await panel.locator('[data-testid="chart"]').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-grouped-light');
    });
  });

  test('grouped by lineage, each run hangs under the run it changed least from, saying what changed', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'compare-lineage', async () => {
      await runCommand(page, 'ide-tracker: Clear Filter');
      await runCommand(page, 'ide-tracker: Group by Lineage');
      await eventually(async () => assert.match(await treeViewMessage(page), /^By lineage/),
        { timeoutMs: settleMs, message: 'the view to say it groups by lineage' });
      await expandTreeRow(treeRow(page, view, experiment.name));
      // The oldest run is the root; changing lr from it gave adam-lr0.01-s1, and a second seed of that one.
      await expandTreeRow(treeRow(page, view, 'adam-lr0.1-s1'));
      await expandTreeRow(treeRow(page, view, 'adam-lr0.01-s1'));
      await eventually(async () => {
        const rows = await visibleTreeRows(page, view);
        const row = (label) => rows.find((r) => r.label === label);
        assert.equal(row('adam-lr0.1-s1')?.level, 3);
        assert.equal(row('adam-lr0.01-s1')?.level, 4);
        assert.match(row('adam-lr0.01-s1')?.description ?? '', /^lr 0\.1 → 0\.01 · /);
        assert.equal(row('adam-lr0.01-s2')?.level, 5);
        assert.match(row('adam-lr0.01-s2')?.description ?? '', /^seed 1 → 2 · /);
      }, { timeoutMs: settleMs, message: 'the lineage of the sweep' });
      await screenshot(page, 'compare-lineage');
      await runCommand(page, 'ide-tracker: Group by Experiment');
    });
  });
});

/** How many distinct colours the chart's canvas holds: a blank canvas has one or two. */
async function chartColours(panel) {
  return panel.locator('[data-testid="chart"] canvas').first().evaluate((canvas) => {
    const context = canvas.getContext('2d');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 16) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  });
}
