// The voice-note messages, held against samples written here from the C# records (bd0faa8) until the
// contract tests write golden files for them; then these shapes join `wireShapes`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wireShapes } from '..';
import { problemsOf } from '../shapes';

const note = {
  id: '20261202-010203-lower-lr',
  title: 'Lower learning rate <b>test</b>',
  createdAt: '2026-12-02T01:02:03Z',
  createdLabel: '3 minutes ago',
  status: 'drafted',
  error: 'none',
  folder: '/ws/.ide-tracker/notes/20261202-010203-lower-lr',
  audioPath: '/ws/.ide-tracker/notes/20261202-010203-lower-lr/audio.wav',
  durationLabel: '12 seconds',
  transcriptPath: '/ws/.ide-tracker/notes/20261202-010203-lower-lr/transcript.txt',
  transcriptPreview: 'I tried three e minus four',
  draftPath: '/ws/.ide-tracker/notes/20261202-010203-lower-lr/README.md',
  runIds: ['mlflow:1'],
  runNames: ['baseline'],
  tooltip: '**Lower learning rate**',
};

describe('voice-note message shapes', () => {
  test('a full note, list and model status conform, every optional field included', () => {
    assert.deepEqual(problemsOf(wireShapes.noteDto, note, { requireOptional: true }), []);
    assert.deepEqual(problemsOf(wireShapes.notesListResult, { notes: [note], problems: ['x: unreadable'] }), []);
    assert.deepEqual(problemsOf(wireShapes.modelStatusDto, {
      model: 'tiny.en', found: true, path: '/m/ggml-tiny.en.bin', problem: 'p', searched: ['/m'], downloadUrl: 'https://huggingface.co/x',
      downloadPath: '/c/ggml-tiny.en.bin', sizeLabel: '75 MB', engineReady: true, engineProblem: 'e',
    }, { requireOptional: true }), []);
    assert.deepEqual(problemsOf(wireShapes.notesChangedParams, { noteIds: ['a'] }), []);
  });

  test('a note needs only what the C# record requires', () => {
    const { error, audioPath, durationLabel, transcriptPath, transcriptPreview, draftPath, ...required } = note;
    void [error, audioPath, durationLabel, transcriptPath, transcriptPreview, draftPath];
    assert.deepEqual(problemsOf(wireShapes.noteDto, required), []);
  });

  test('an unknown status or an extra field is named', () => {
    assert.deepEqual(problemsOf(wireShapes.noteDto, { ...note, status: 'lost', colour: 1 }), [
      '$.status: expected one of recorded, transcribing, transcribed, drafted, failed, found the string "lost"',
      '$.colour: not in the TypeScript protocol',
    ]);
  });
});
