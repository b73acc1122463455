import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import * as vscode from 'vscode';
import { stubRecord } from '../../../test/unit/vscodeStub';
import { RecordingController, recordingsFolder } from '../recordingController';
import type { VoiceNoteSettings } from '../voiceNoteSettings';
import { fakeRecorderScript, readWavHeader, sizeOf, waitFor } from './wavFiles';

const workspace = mkdtempSync(join(tmpdir(), 'notes ws '));
after(() => rmSync(workspace, { recursive: true, force: true }));
(vscode.workspace as unknown as { workspaceFolders: unknown }).workspaceFolders = [{ uri: vscode.Uri.file(workspace), name: 'ws', index: 0 }];

const log = { info() {}, warn() {}, error() {} } as unknown as vscode.LogOutputChannel;

function fakeRecorder(...options: string[]): string {
  return [`"${process.execPath}"`, `"${fakeRecorderScript}"`, '{output}', ...options].join(' ');
}

function setup(recorderCommand: string, maxSeconds = 600) {
  const recorded: string[] = [];
  const settings = (): VoiceNoteSettings => ({ recorderCommand, maxSeconds, speech: { model: 'tiny.en', language: 'en' } });
  const controller = new RecordingController({ settings, log, graceMs: 2_000, onRecorded: async (path) => { recorded.push(path); } });
  return { controller, recorded };
}

function contexts(): unknown[] {
  return stubRecord.executed.filter((e) => e.command === 'setContext' && e.args[0] === 'ideTracker.recording').map((e) => e.args[1]);
}

describe('recording a voice note', () => {
  beforeEach(() => stubRecord.reset());
  afterEach(() => rmSync(join(workspace, '.ide-tracker'), { recursive: true, force: true }));

  test('records into .recordings with the recorder the setting names, and hands on a finished WAV when stopped', async () => {
    const { controller, recorded } = setup(fakeRecorder());
    let changes = 0;
    controller.onDidChange(() => changes++);
    assert.equal(await controller.start(), true);
    assert.equal(controller.recording, true);
    const output = controller.outputPath!;
    assert.equal(dirname(output), recordingsFolder(workspace));
    assert.match(output, /\d{8}-\d{6}\.wav$/);
    await waitFor(() => sizeOf(output) > 44 + 3_200, 'audio in the recording');
    await controller.toggle();
    assert.equal(controller.recording, false);
    assert.deepEqual(recorded, [output]);
    assert.equal(readWavHeader(output).dataSize, sizeOf(output) - 44);
    assert.deepEqual(contexts(), [true, false]);
    assert.ok(changes >= 2);
    assert.deepEqual(stubRecord.errors, []);
  });

  test('a recorder that fails after recording a while shows its stderr, and its audio still becomes a note', async () => {
    const { controller, recorded } = setup(fakeRecorder('--fail-after-ms', '300'));
    await controller.start();
    const output = controller.outputPath!;
    await waitFor(() => recorded.length === 1, 'the audio to be handed on');
    assert.deepEqual(recorded, [output]);
    assert.equal(controller.recording, false);
    assert.equal(stubRecord.errors.length, 1);
    assert.match(stubRecord.errors[0]!.message, /stopped by itself \(exit code 1\)\. What it recorded is kept as a note\.\n.*cannot find card/s);
  });

  test('a recorder that fails before recording shows its stderr and leaves nothing behind', async () => {
    const { controller, recorded } = setup(fakeRecorder('--fail-at-start'));
    await controller.start();
    await waitFor(() => !controller.recording, 'the recording to end');
    assert.deepEqual(recorded, []);
    assert.equal(stubRecord.errors.length, 1);
    assert.match(stubRecord.errors[0]!.message, /audio open error/);
    assert.deepEqual(stubRecord.errors[0]!.items, ['Open Settings']);
    assert.deepEqual(readdirSync(recordingsFolder(workspace)), []);
  });

  test('with no recorder on PATH and none set, says what to install and offers the settings', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const { controller } = setup('');
      assert.equal(await controller.start(), false);
      assert.equal(controller.recording, false);
    } finally {
      process.env.PATH = path;
    }
    assert.equal(stubRecord.errors.length, 1);
    assert.match(stubRecord.errors[0]!.message, /No audio recorder was found on PATH/);
    assert.deepEqual(stubRecord.errors[0]!.items, ['Open Settings']);
  });

  test('stops by itself at the maximum length and says so', async () => {
    const { controller, recorded } = setup(fakeRecorder(), 1);
    await controller.start();
    await waitFor(() => recorded.length === 1, 'the recording to stop at its limit', 10_000);
    assert.equal(controller.recording, false);
    assert.ok(stubRecord.messages.some((m) => /stopped by itself at its 1 second limit/.test(m)), stubRecord.messages.join('\n'));
  });

  test('Cancel discards the recording only after the user confirms', async () => {
    const { controller, recorded } = setup(fakeRecorder());
    await controller.start();
    const output = controller.outputPath!;
    await waitFor(() => sizeOf(output) > 44, 'some audio');
    await controller.cancel();
    assert.equal(controller.recording, true, 'no answer: still recording');
    stubRecord.warningAnswer = 'Discard';
    await controller.cancel();
    assert.equal(controller.recording, false);
    assert.equal(existsSync(output), false);
    assert.deepEqual(recorded, []);
    assert.equal(stubRecord.warnings.length, 2);
  });
});
