import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import * as vscode from 'vscode';
import { stubRecord, Uri, type WebviewPanelStub } from '../../../test/unit/vscodeStub';
import compareGolden from '../../../protocol/__golden__/compareResult.json';
import { registerCompareCommands } from '../commands';
import { CompareController, runIdsFromState } from '../compareController';
import { compareViewType } from '../comparePanel';
import { FakeCompareSource, until } from './fakeCompareSource';

function setUp(refreshMs = 0) {
  stubRecord.reset();
  const source = new FakeCompareSource();
  const logged: string[] = [];
  const controller = new CompareController(source, Uri.file('/ext') as unknown as vscode.Uri, (m) => logged.push(m), refreshMs);
  return { source, logged, controller };
}

const panelOf = (index = 0) => stubRecord.panels[index] as WebviewPanelStub;

describe('the compare panel host', () => {
  beforeEach(() => stubRecord.reset());

  test('posts nothing before the webview says it is ready, then the comparison of the runs it was opened with', async () => {
    const { source, controller } = setUp();
    controller.open(['a', 'b']);
    const panel = panelOf();
    assert.equal(panel.viewType, compareViewType);
    assert.equal(panel.title, 'Compare 2 runs');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(panel.posted, []);
    assert.deepEqual(source.compares, []);

    panel.receive({ type: 'ready' });
    await until(() => panel.posted.length === 1, 'the compare message');
    assert.deepEqual(source.compares, [{ runIds: ['a', 'b'] }]);
    assert.deepEqual(panel.posted[0], { type: 'compare', runIds: ['a', 'b'], result: compareGolden, reason: 'opened' });
  });

  test('serves the page with a strict CSP, scripts on, and only dist/webview as a local root', () => {
    const { controller } = setUp();
    controller.open(['a']);
    const { webview } = panelOf();
    assert.match(webview.html, /content="default-src 'none'; script-src 'nonce-[^']+'; style-src https:\/\/webview.test/);
    assert.match(webview.html, /src="https:\/\/webview.test\/ext\/dist\/webview\/main.js"/);
    assert.equal(webview.options.enableScripts, true);
    assert.deepEqual((webview.options.localResourceRoots as Uri[]).map(String), ['file:///ext/dist/webview']);
  });

  test('opening again reveals the one panel with the new runs instead of making a second', async () => {
    const { source, controller } = setUp();
    controller.open(['a']);
    panelOf().receive({ type: 'ready' });
    await until(() => source.compares.length === 1, 'the first compare');
    controller.open(['c', 'd', 'e']);
    assert.equal(stubRecord.panels.length, 1);
    assert.equal(panelOf().revealed, 2);
    assert.equal(panelOf().title, 'Compare 3 runs');
    await until(() => source.compares.length === 2, 'the second compare');
    assert.deepEqual(source.compares[1], { runIds: ['c', 'd', 'e'] });

    panelOf().dispose();
    controller.open(['f']);
    assert.equal(stubRecord.panels.length, 2, 'a closed panel is replaced by a new one');
  });

  test('answers series requests, stars through setAnnotation, and asks again with the picked metric keys, dropping the older answer', async () => {
    const { source, controller } = setUp();
    controller.open(['a', 'b']);
    const panel = panelOf();
    panel.receive({ type: 'ready' });
    panel.receive({ type: 'requestSeries', requestId: 7, runIds: ['a'], keys: ['loss'] });
    panel.receive({ type: 'setStar', runId: 'a', starred: true });
    panel.receive({ type: 'requestCompare', metricKeys: ['acc', 'loss'] });
    await until(() => panel.posted.length === 3, 'three answers');
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(panel.posted.length, 3);
    assert.deepEqual(source.seriesRequests, [{ runIds: ['a'], keys: ['loss'] }]);
    assert.deepEqual(source.annotations, [{ runId: 'a', starred: true }]);
    assert.deepEqual(source.compares[1], { runIds: ['a', 'b'], metricKeys: ['acc', 'loss'] });
    const types = panel.posted.map((m) => (m as { type: string }).type).sort();
    assert.deepEqual(types, ['annotation', 'compare', 'series'], 'the compare for ready was overtaken by the one with the picked keys');
    assert.equal((panel.posted.find((m) => (m as { type: string }).type === 'series') as { requestId: number }).requestId, 7);
  });

  test('reveals a run in the tree only when the tree has the command', async () => {
    const { controller } = setUp();
    controller.open(['a']);
    const panel = panelOf();
    panel.receive({ type: 'revealRun', runId: 'a' });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(stubRecord.executed, []);

    const revealed: unknown[] = [];
    vscode.commands.registerCommand('ideTracker.revealRun', (id: unknown) => revealed.push(id));
    panel.receive({ type: 'revealRun', runId: 'a' });
    await until(() => revealed.length === 1, 'the reveal');
    assert.deepEqual(revealed, ['a']);
  });

  test('edits a run\'s tags or note through the tree\'s commands, naming the run as the panel shows it', async () => {
    const shown = '3f0c9a4e5b6d7c8e'; // the golden comparison's run, named "<img src=x onerror=alert(1)>"
    const { controller } = setUp();
    controller.open([shown, 'unknown']);
    const panel = panelOf();
    panel.receive({ type: 'ready' });
    await until(() => panel.posted.some((m) => (m as { type: string }).type === 'compare'), 'the first comparison');
    const edits: unknown[] = [];
    vscode.commands.registerCommand('ideTracker.editTags', (run: unknown) => edits.push(['tags', run]));
    vscode.commands.registerCommand('ideTracker.editNote', (run: unknown) => edits.push(['note', run]));
    panel.receive({ type: 'editAnnotation', runId: shown, field: 'tags' });
    panel.receive({ type: 'editAnnotation', runId: 'unknown', field: 'note' });
    await until(() => edits.length === 2, 'both edits');
    assert.deepEqual(edits, [['tags', { runId: shown, label: '<img src=x onerror=alert(1)>' }], ['note', { runId: 'unknown', label: 'unknown' }]]);
  });

  test('saves CSV and PNG where the user chose, and copies Markdown to the clipboard', async () => {
    const { controller } = setUp();
    controller.open(['a']);
    const panel = panelOf();
    stubRecord.saveAnswer = Uri.file('/ws/out/params.csv');
    panel.receive({ type: 'saveText', suggestedName: 'params.csv', text: 'param,a\r\nlr,0.1\r\n' });
    await until(() => stubRecord.written.size === 1, 'the CSV file');
    assert.equal(new TextDecoder().decode(stubRecord.written.get('/ws/out/params.csv')), 'param,a\r\nlr,0.1\r\n');
    assert.equal((stubRecord.saveOptions[0] as { defaultUri: Uri }).defaultUri.fsPath, '/ws/params.csv');

    stubRecord.saveAnswer = Uri.file('/ws/chart.png');
    panel.receive({ type: 'savePng', suggestedName: 'chart.png', dataUrl: `data:image/png;base64,${Buffer.from([137, 80, 78, 71]).toString('base64')}` });
    await until(() => stubRecord.written.size === 2, 'the PNG file');
    assert.deepEqual([...stubRecord.written.get('/ws/chart.png')!], [137, 80, 78, 71]);

    panel.receive({ type: 'copyText', text: '| param | a |' });
    await until(() => stubRecord.clipboard !== '', 'the clipboard');
    assert.equal(stubRecord.clipboard, '| param | a |');
  });

  test('a cancelled save dialog writes nothing; a suggested name cannot leave the folder', async () => {
    const { controller } = setUp();
    controller.open(['a']);
    panelOf().receive({ type: 'saveText', suggestedName: '../../etc/passwd', text: 'x' });
    await until(() => stubRecord.saveOptions.length === 1, 'the dialog');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(stubRecord.written.size, 0);
    assert.equal((stubRecord.saveOptions[0] as { defaultUri: Uri }).defaultUri.fsPath, '/ws/.._.._etc_passwd');
  });

  test('a failing request is shown in the panel and logged; a malformed message is logged and ignored', async () => {
    const { source, logged, controller } = setUp();
    controller.open(['a']);
    const panel = panelOf();
    source.failWith = new Error('The server is not running.');
    panel.receive({ type: 'ready' });
    await until(() => panel.posted.length === 1, 'the error');
    assert.deepEqual(panel.posted[0], { type: 'error', message: 'The server is not running.' });
    panel.receive({ type: 'evaluate', code: 'alert(1)' });
    await until(() => logged.length === 2, 'two log lines');
    assert.match(logged[1]!, /does not know/);
  });

  test('compares again when a shown run changes, not for other runs, and not more often than the refresh interval', async () => {
    const { source, controller } = setUp(0);
    controller.open(['a', 'b']);
    const panel = panelOf();
    controller.runsChanged(['a'], false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(source.compares.length, 0, 'nothing before the webview is ready');
    panel.receive({ type: 'ready' });
    await until(() => panel.posted.length === 1, 'the first compare');
    controller.runsChanged(['z'], false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(source.compares.length, 1, 'another run changed');
    controller.runsChanged(['b'], false);
    controller.runsChanged(['a'], false);
    controller.runsChanged([], true);
    await until(() => panel.posted.length === 2, 'the refresh');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(source.compares.length, 2, 'three announcements, one refresh');
    assert.equal((panel.posted[1] as { reason: string }).reason, 'runsChanged');

    const slow = setUp(60_000);
    slow.controller.open(['a']);
    panelOf().receive({ type: 'ready' });
    await until(() => slow.source.compares.length === 1, 'the first compare');
    slow.controller.runsChanged(['a'], false);
    slow.controller.runsChanged(['a'], false);
    await until(() => slow.source.compares.length === 2, 'the first refresh, at once');
    slow.controller.runsChanged(['a'], false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(slow.source.compares.length, 2, 'the next waits for the interval');
    slow.controller.dispose();
  });

  test('a window reload restores the panel with the run ids the webview saved', async () => {
    const { source, controller } = setUp();
    const panel = vscode.window.createWebviewPanel(compareViewType, 'old', vscode.ViewColumn.Active, {}) as unknown as WebviewPanelStub;
    controller.restore(panel as unknown as vscode.WebviewPanel, runIdsFromState({ version: 1, runIds: ['x', 'y', 7] }));
    panel.receive({ type: 'ready' });
    await until(() => panel.posted.length === 1, 'the compare');
    assert.deepEqual(source.compares, [{ runIds: ['x', 'y'] }]);
    assert.equal(panel.title, 'Compare 2 runs');
    assert.deepEqual(runIdsFromState(undefined), []);
  });

  test('the commands open the panel from a tree selection or from run ids', async () => {
    const { controller } = setUp();
    registerCompareCommands(controller);
    const node = (runId: string) => ({ type: 'node', node: { id: runId, kind: 'run', label: runId, hasChildren: false, runId } });
    await vscode.commands.executeCommand('ideTracker.compare', node('b'), [node('a'), node('b')]);
    assert.deepEqual(controller.panel?.currentRunIds, ['a', 'b']);
    await vscode.commands.executeCommand('ideTracker.compareRunIds', ['q']);
    assert.deepEqual(controller.panel?.currentRunIds, ['q']);
    assert.equal(stubRecord.panels.length, 1);
    await vscode.commands.executeCommand('ideTracker.compare', { type: 'node', node: { id: 's', kind: 'store', label: 's', hasChildren: true } });
    assert.match(stubRecord.messages.at(-1)!, /Select one or more runs/);
  });
});
