import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type * as vscode from 'vscode';
import * as vscodeStub from 'vscode';
import type { CreateNoteParams, ModelStatusDto, NoteDto, SpeechSettings } from '../../../protocol';
import { stubRecord } from '../../../test/unit/vscodeStub';
import { NoteFlow } from '../noteFlow';
import type { NotesServer, ProgressListener } from '../notesServer';
import { noteDto } from './fakeNotes';

const found: ModelStatusDto = {
  model: 'tiny.en', found: true, path: '/c/ggml-tiny.en.bin', searched: ['/c'], downloadUrl: 'https://huggingface.co/m/ggml-tiny.en.bin',
  downloadPath: '/c/ggml-tiny.en.bin', sizeLabel: '75 MB', engineReady: true,
};
const missing: ModelStatusDto = { ...found, found: false, path: undefined, problem: 'No tiny.en model in /c.' };

/** A server that answers from what the test sets, and records what it was asked. */
function fakeServer(options: { model?: ModelStatusDto; transcribed?: Partial<NoteDto>; createFails?: boolean; rejectWhenCancelled?: boolean } = {}) {
  const calls: string[] = [];
  const shown: string[] = [];
  let model = options.model ?? found;
  const created = noteDto('n1');
  const server: NotesServer = {
    list: async () => ({ notes: [created], problems: [] }),
    create: async (params: CreateNoteParams) => {
      calls.push(`create ${params.audioPath} move=${params.moveAudio} runs=${params.runIds?.join(',') ?? '-'}`);
      if (options.createFails) throw new Error('the notes folder is read-only');
      return created;
    },
    modelStatus: async (speech: SpeechSettings) => {
      calls.push(`modelStatus ${speech.model}${speech.modelPath ? ` ${speech.modelPath}` : ''}`);
      return speech.modelPath ? { ...found, path: speech.modelPath } : model;
    },
    downloadModel: async (speech: SpeechSettings, _token: vscode.CancellationToken, onProgress: ProgressListener) => {
      calls.push(`download ${speech.model}`);
      onProgress({ kind: 'begin', title: 'Downloading', percentage: 0 });
      onProgress({ kind: 'report', percentage: 40, message: '30 MB of 75 MB' });
      onProgress({ kind: 'end' });
      model = found;
      return found;
    },
    transcribe: async (noteId: string, speech: SpeechSettings, token: vscode.CancellationToken, onProgress: ProgressListener) => {
      calls.push(`transcribe ${noteId}${speech.modelPath ? ` with ${speech.modelPath}` : ''}`);
      // As the language client does: a cancelled request rejects once the cancellation is sent.
      if (options.rejectWhenCancelled) {
        return new Promise<NoteDto>((_resolve, reject) => token.onCancellationRequested(() => reject(new Error('Request got cancelled'))));
      }
      onProgress({ kind: 'report', percentage: 50, message: 'window 1 of 2' });
      return { ...created, status: 'transcribed', transcriptPreview: 'I tried a lower learning rate', durationLabel: '12 seconds', ...options.transcribed };
    },
    draft: async (noteId: string, runIds: readonly string[] | undefined) => {
      calls.push(`draft ${noteId} runs=${runIds?.join(',') ?? '-'}`);
      return { ...created, status: 'drafted', draftPath: '/ws/.ide-tracker/notes/n1/README.md' };
    },
  };
  const log = { info() {}, warn() {}, error() {} } as unknown as vscode.LogOutputChannel;
  const flow = new NoteFlow({
    server, log, settings: () => ({ recorderCommand: '', maxSeconds: 600, speech: { model: 'tiny.en', language: 'en' } }),
    onCreated: (note) => shown.push(note.id),
  });
  return { flow, calls, shown };
}

describe('from a recording to an open README draft', () => {
  beforeEach(() => {
    stubRecord.reset();
    vscodeStub.commands.registerCommand('ideTracker.selectedRunIds', () => ['r1', 'r2']);
  });

  test('creates the note about the selected runs, transcribes with progress, drafts and opens the draft beside its preview', async () => {
    const { flow, calls, shown } = fakeServer();
    const note = await flow.fromAudio('/ws/.ide-tracker/notes/.recordings/a b.wav', true);
    assert.deepEqual(shown, ['n1'], 'the new note is shown in the Notes view once');
    assert.deepEqual(calls, [
      'create /ws/.ide-tracker/notes/.recordings/a b.wav move=true runs=r1,r2', 'modelStatus tiny.en', 'transcribe n1', 'draft n1 runs=r1,r2',
    ]);
    assert.equal(note?.status, 'drafted');
    assert.deepEqual(stubRecord.opened, ['/ws/.ide-tracker/notes/n1/README.md']);
    assert.ok(stubRecord.executed.some((e) => e.command === 'markdown.showPreviewToSide'));
    const transcribing = stubRecord.progress.find((p) => p.options.title === 'Transcribing "Note n1"')!;
    assert.equal(transcribing.options.cancellable, true);
    assert.deepEqual(transcribing.reports, [{ increment: 50, message: 'window 1 of 2' }]);
    assert.deepEqual(stubRecord.errors, []);
  });

  test('without a model asks first; Not Now downloads nothing and leaves the note recorded', async () => {
    const { flow, calls } = fakeServer({ model: missing });
    stubRecord.informationAnswers.push('Not Now');
    const note = await flow.fromAudio('/r.wav', true);
    assert.deepEqual(calls, ['create /r.wav move=true runs=r1,r2', 'modelStatus tiny.en']);
    assert.equal(note?.status, 'recorded');
    assert.equal(stubRecord.messages[0], 'Voice notes need a Whisper model. Download tiny.en (75 MB) from huggingface.co?');
  });

  test('Download fetches the model under a cancellable progress notification, then transcription goes on', async () => {
    const { flow, calls } = fakeServer({ model: missing });
    stubRecord.informationAnswers.push('Download');
    await flow.fromAudio('/r.wav', false);
    assert.deepEqual(calls, ['create /r.wav move=false runs=r1,r2', 'modelStatus tiny.en', 'download tiny.en', 'transcribe n1', 'draft n1 runs=r1,r2']);
    const download = stubRecord.progress.find((p) => p.options.title === 'Downloading the Whisper model tiny.en')!;
    assert.equal(download.options.cancellable, true);
    assert.deepEqual(download.reports, [{ increment: 40, message: '30 MB of 75 MB' }]);
  });

  test('Choose File… sets modelPath for the user and transcribes with that file', async () => {
    const { flow, calls } = fakeServer({ model: missing });
    stubRecord.informationAnswers.push('Choose File…');
    stubRecord.openAnswer = [vscodeStub.Uri.file('/models/my ggml-tiny.en.bin')];
    await flow.fromAudio('/r.wav', true);
    assert.deepEqual(stubRecord.configUpdates, [{ key: 'ideTracker.voiceNotes.modelPath', value: '/models/my ggml-tiny.en.bin', target: 1 }]);
    assert.deepEqual(calls.slice(1, 4), ['modelStatus tiny.en', 'modelStatus tiny.en /models/my ggml-tiny.en.bin', 'transcribe n1 with /models/my ggml-tiny.en.bin']);
  });

  test('a failed transcription shows its error with Retry and Show Audio, and drafts nothing', async () => {
    const { flow, calls } = fakeServer({ transcribed: { status: 'failed', error: 'The transcription worker crashed (exit code 139).' } });
    const note = await flow.fromAudio('/r.wav', true);
    assert.equal(note?.status, 'failed');
    assert.ok(!calls.some((c) => c.startsWith('draft')));
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(stubRecord.errors, [{
      message: 'The voice note could not be transcribed: The transcription worker crashed (exit code 139).', items: ['Retry', 'Show Audio'],
    }]);
  });

  test("silence is said plainly, with the length recorded, and the draft still holds the runs' tables", async () => {
    const { flow, calls } = fakeServer({ transcribed: { transcriptPreview: '' } });
    await flow.fromAudio('/r.wav', true);
    assert.equal(calls.at(-1), 'draft n1 runs=r1,r2');
    assert.deepEqual(stubRecord.messages, ['No speech was heard in the 12 seconds recorded.']);
  });

  test('a cancelled transcription says the note is kept and can be retried', async () => {
    const { flow } = fakeServer({ rejectWhenCancelled: true });
    stubRecord.cancelProgress = true;
    const note = await flow.fromAudio('/r.wav', true);
    assert.equal(note?.status, 'recorded');
    assert.match(stubRecord.messages.at(-1)!, /cancelled; the note keeps its audio and can be retried/);
    assert.deepEqual(stubRecord.errors, []);
  });

  test("a retried note is drafted about its own runs, not whatever the tree selects now", async () => {
    const { flow, calls } = fakeServer({ transcribed: { runIds: ['r7'], runNames: ['old run'] } });
    await flow.transcribeAndDraft(noteDto('n1', { status: 'failed', runIds: ['r7'], runNames: ['old run'] }));
    assert.deepEqual(calls, ['modelStatus tiny.en', 'transcribe n1', 'draft n1 runs=-']);
    await flow.draft(noteDto('n1', { status: 'transcribed' }));
    assert.equal(calls.at(-1), 'draft n1 runs=r1,r2');
  });

  test('a note the server cannot save says where the recording still is', async () => {
    const { flow, calls } = fakeServer({ createFails: true });
    assert.equal(await flow.fromAudio('/ws/.ide-tracker/notes/.recordings/x.wav', true), undefined);
    assert.equal(calls.length, 1);
    assert.equal(stubRecord.errors[0]!.message,
      'The voice note could not be saved: the notes folder is read-only. The recording is kept at /ws/.ide-tracker/notes/.recordings/x.wav.');
  });
});
