// Voice notes in a real VS Code: the packaged .vsix in a clean code-server on the demo workspace, with no sound
// card. The recorder setting names the extension's fake recorder, which plays a spoken WAV (espeak-ng through sox
// when they are installed, else a tone) into the file as a microphone would; the model setting names a synthetic
// whisper model the packaged server writes (`synthetic-model --shape micro`: real structure, random weights, so
// its words are nonsense and nothing here asserts on them). The steps: a run selected in the Runs view; the
// status bar microphone starts a recording and shows the time going up; a click stops it; the note is transcribed
// by the server's worker and its README draft opens beside its rendered preview, holding the selected run's params
// (read from the packaged server's `scan --json`, not written into this test), its results and a plot image that
// the preview shows; and the note sits in the Notes view, drafted. On disk the audio, the transcript's segments
// and the draft are in the note's folder under .ide-tracker/notes, and no recording is left behind.
// Screenshots: test-output/e2e/notes-<step>.png.
//
// IDE_TRACKER_VSIX          the .vsix to install (default <repo>/out/ide-tracker-linux-x64.vsix, `npm run package`)
// IDE_TRACKER_EXTENSION_DIR the extension folder whose server/ `npm run package` published (default <repo>/extension)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureDemoWorkspace } from '../../scripts/demo/workspace.mjs';
import { launchBrowser, newPage, openWorkbench } from './harness/browser.mjs';
import { startCodeServer } from './harness/codeServer.mjs';
import { editableSettingsJson } from './harness/editor.mjs';
import { nodeBin, repoRoot } from './harness/paths.mjs';
import { eventually, requireFile, withFailureScreenshot } from './harness/steps.mjs';
import {
  expandTreeRow, openActivityContainer, resizeSideBar, screenshot, scrollTreeRowIntoView, setColorTheme, statusBarText, treeRow, visibleTreeRows,
  waitFor,
} from './harness/vscode.mjs';

const vsix = resolve(process.env.IDE_TRACKER_VSIX ?? join(repoRoot, 'out', 'ide-tracker-linux-x64.vsix'));
const extensionDir = resolve(process.env.IDE_TRACKER_EXTENSION_DIR ?? join(repoRoot, 'extension'));
const serverExecutable = join(extensionDir, 'server', 'ide-tracker');
const fakeRecorder = join(repoRoot, 'extension', 'src', 'features', 'notes', '__tests__', 'fakeRecorder.mjs');

const statusItem = 'ide-tracker.ide-tracker.ideTracker.status';
const micItem = 'ide-tracker.ide-tracker.ideTracker.voiceNote';
const scenarioTimeout = { timeout: 240_000 };
const indexMs = 120_000;
const settleMs = 30_000;
// Transcribing a few seconds with the micro model takes well under a second; the rest is VS Code and the worker starting.
const draftMs = 90_000;

const store = 'mlruns';
const experiment = 'live-training';
const runName = 'mnist-cnn-1';
const mainMetric = 'val_acc';
const sentence = 'I tried a learning rate of three e minus four with a batch size of sixty four. Next I will try a cosine schedule.';

/** The runs of `folder` as the packaged server's `scan --json` reads them, with an index outside the folder. */
function scanRuns(folder, indexFile) {
  const scan = spawnSync(serverExecutable, ['scan', folder, '--json', '--index', indexFile], { encoding: 'utf8', timeout: 120_000 });
  if (scan.status !== 0) throw new Error(`${serverExecutable} scan failed (${scan.status ?? scan.signal}):\n${scan.stderr}`);
  return JSON.parse(scan.stdout);
}

/** A spoken WAV made by espeak-ng and sox (16 kHz mono 16-bit, what the fake recorder plays), or null without them. */
function spokenWav(folder) {
  const raw = join(folder, 'spoken-raw.wav');
  const wav = join(folder, 'spoken.wav');
  const speak = spawnSync('espeak-ng', ['-w', raw, sentence], { encoding: 'utf8' });
  if (speak.status !== 0) return null;
  const convert = spawnSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav], { encoding: 'utf8' });
  return convert.status === 0 ? wav : null;
}

/** What a draft's Markdown escapes in a run's name or value (what would become markup), so the test can find them. */
function escaped(text) {
  return text.replace(/[\\`*[\]<|]/g, (c) => `\\${c}`);
}

function noteFolders(folder) {
  const notes = join(folder, '.ide-tracker', 'notes');
  return existsSync(notes) ? readdirSync(notes).filter((name) => !name.startsWith('.')).map((name) => join(notes, name)) : [];
}

describe('voice notes in a real VS Code', scenarioTimeout, () => {
  let parent;
  let folder;
  let run;
  let server;
  let browser;
  let page;
  let noteFolder;

  before(async () => {
    requireFile(vsix, 'run `npm run package` or point IDE_TRACKER_VSIX at a packaged extension');
    requireFile(serverExecutable, 'run `npm run package` or point IDE_TRACKER_EXTENSION_DIR at a packaged extension folder');
    parent = realpathSync(mkdtempSync(join(tmpdir(), 'ide-tracker-e2e-notes-')));
    folder = join(parent, 'demo');
    ensureDemoWorkspace(folder);
    run = scanRuns(folder, join(parent, 'scan-index.db')).find((r) => r.experiment === experiment && r.name === runName);
    assert.ok(run && Object.keys(run.params).length > 0 && run.metrics[mainMetric], `the demo has ${runName} with params and ${mainMetric}`);

    mkdirSync(join(parent, 'models'));
    const model = join(parent, 'models', 'ggml-synthetic-micro.bin');
    const made = spawnSync(serverExecutable, ['synthetic-model', model, '--shape', 'micro'], { encoding: 'utf8' });
    assert.equal(made.status, 0, `synthetic-model failed:\n${made.stderr}`);
    const source = spokenWav(parent);
    if (!source) console.log('# espeak-ng or sox is missing (scripts/speech/install.sh installs them): the fake recorder plays a tone instead');

    server = await startCodeServer({
      name: 'notes-ui',
      workspace: folder,
      extensions: [vsix],
      // The recorder and the model are settings of the machine the extension runs on: in code-server, its own.
      machineSettings: {
        'ideTracker.voiceNotes.recorderCommand': [nodeBin, fakeRecorder, '{output}', ...(source ? ['--source', source] : [])].join(' '),
        'ideTracker.voiceNotes.modelPath': model,
      },
      settings: {
        ...editableSettingsJson,
        'ideTracker.voiceNotes.maxSeconds': 120,
        'git.openRepositoryInParentFolders': 'never',
        'git.autoRepositoryDetection': false,
      },
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    await withFailureScreenshot(page, 'notes-workbench', async () => {
      await openWorkbench(page, server.workbenchUrl(folder));
      await eventually(async () => assert.match(await statusBarText(page, statusItem) ?? '', /^\d[\d,]* runs\b/),
        { timeoutMs: indexMs, message: 'the status bar to report the index' });
      await openActivityContainer(page, 'Experiments');
      await resizeSideBar(page, 420);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  test('the status bar microphone records while the time goes up, and a click stops it', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'notes-recording', async () => {
      await expandTreeRow(treeRow(page, 'Runs', store));
      await expandTreeRow(treeRow(page, 'Runs', experiment));
      const row = treeRow(page, 'Runs', runName);
      // The tree may still be settling (a live run's row updates): click until the run is the one selected.
      await waitFor(async () => {
        await scrollTreeRowIntoView(page, 'Runs', row);
        if ((await row.getAttribute('aria-selected')) !== 'true') await row.locator('.label-name').click();
        return (await row.getAttribute('aria-selected')) === 'true';
      }, { timeoutMs: settleMs, intervalMs: 500, message: `${runName} selected` });

      const mic = page.locator(`.part.statusbar [id="${micItem}"]`);
      await waitFor(mic, { timeoutMs: settleMs, message: 'the microphone in the status bar' });
      await mic.click();
      await eventually(async () => {
        const [minutes, seconds] = (await statusBarText(page, micItem) ?? '').match(/(\d+):(\d\d)$/)?.slice(1).map(Number) ?? [];
        assert.ok(minutes * 60 + seconds >= 3, `the recording's time passes 0:03: ${await statusBarText(page, micItem)}`);
      }, { timeoutMs: settleMs, message: 'the recording to run for 3 seconds' });
      assert.ok(existsSync(join(folder, '.ide-tracker', 'notes', '.recordings')), 'the recording is written under .ide-tracker/notes/.recordings');
      await screenshot(page, 'notes-recording');
      await mic.click();
    });
  });

  test("the note is transcribed and its draft opens with the selected run's params, results and plot", scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'notes-draft', async () => {
      await waitFor(page.locator('.tabs-container .tab[data-resource-name="README.md"]'), { timeoutMs: draftMs, message: 'the README draft in an editor' });
      await waitFor(() => noteFolders(folder).some((f) => existsSync(join(f, 'README.md'))), { timeoutMs: settleMs, message: 'the draft on disk' });
      noteFolder = noteFolders(folder).find((f) => existsSync(join(f, 'README.md')));
      const draft = readFileSync(join(noteFolder, 'README.md'), 'utf8');

      assert.ok(draft.includes(`**${escaped(runName)}**`), `the draft is about the selected run ${runName}:\n${draft}`);
      for (const [key, value] of Object.entries(run.params)) {
        assert.ok(draft.includes(escaped(String(value))) && draft.includes(key), `the params table holds ${key} = ${value}`);
      }
      assert.match(draft, /^## Results$/m);
      assert.ok(draft.includes(mainMetric), `the results name ${mainMetric}`);
      assert.match(draft, /^## Next steps$/m);
      const plot = /!\[[^\]]*\]\(\.\/([^)]+\.png)\)/.exec(draft)?.[1];
      assert.ok(plot, `the draft embeds a plot:\n${draft}`);
      assert.deepEqual([...readFileSync(join(noteFolder, plot)).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${plot} is a PNG`);

      // The rendered preview beside it shows the picture, loaded.
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const image = preview.locator(`img[src*="${plot}"]`);
      await waitFor(image, { timeoutMs: settleMs, message: 'the plot in the Markdown preview' });
      await waitFor(async () => (await image.evaluate((img) => img.complete && img.naturalWidth)) > 0, { timeoutMs: settleMs, message: 'the plot image to load' });
      await screenshot(page, 'notes-draft');
      await image.scrollIntoViewIfNeeded();
      await screenshot(page, 'notes-draft-plot');
    });
  });

  test('the note keeps its audio and timed transcript, and the Notes view unfolds to list it drafted', scenarioTimeout, async () => {
    await withFailureScreenshot(page, 'notes-view', async () => {
      assert.ok(noteFolder, 'the draft step found the note');
      const note = JSON.parse(readFileSync(join(noteFolder, 'note.json'), 'utf8'));
      assert.equal(note.status, 'drafted');
      assert.deepEqual(note.runIds, [run.id]);
      assert.equal(note.linkReason, 'selected');
      assert.ok(readFileSync(join(noteFolder, note.audio)).length > 44 + 3 * 32_000, 'the audio holds the 3 seconds and more that were recorded');
      const transcript = JSON.parse(readFileSync(join(noteFolder, 'transcript.json'), 'utf8'));
      assert.ok(transcript.audioMs >= 3000, `the transcript knows the audio's length: ${transcript.audioMs} ms`);
      for (const segment of transcript.segments) {
        assert.ok(segment.startMs >= 0 && segment.startMs <= segment.endMs && segment.endMs <= transcript.audioMs, `segment ${JSON.stringify(segment)} lies inside the audio`);
      }
      const recordings = join(folder, '.ide-tracker', 'notes', '.recordings');
      assert.deepEqual(existsSync(recordings) ? readdirSync(recordings) : [], [], 'the recording was moved into its note');

      // The Notes view starts folded under the Runs view, which keeps the height; a new note unfolds it.
      const notesHeader = page.locator('.part.sidebar .pane-header[aria-label^="Notes"]');
      await waitFor(async () => (await notesHeader.getAttribute('aria-expanded')) === 'true',
        { timeoutMs: settleMs, message: 'the Notes view to unfold for the new note' });
      await eventually(async () => {
        const rows = await visibleTreeRows(page, 'Notes');
        const row = rows.find((r) => r.label === note.title);
        assert.ok(row, `the note "${note.title}" in the Notes view: ${JSON.stringify(rows)}`);
        assert.match(row.description ?? '', /drafted/);
      }, { timeoutMs: settleMs, message: 'the note in the Notes view' });
      await screenshot(page, 'notes-view');
      await setColorTheme(page, 'Dark Modern');
      await screenshot(page, 'notes-view-dark');
    });
  });
});
