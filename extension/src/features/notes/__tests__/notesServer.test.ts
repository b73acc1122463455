import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServerSession } from '../../server';
import { sessionNotesServer } from '../notesServer';
import type { WorkDoneValue } from '../progressSteps';

/** The two things of a session the notes server uses: typed requests, and progress on a token. */
function fakeSession() {
  const sent: Array<{ method: string; params: Record<string, unknown>; token: unknown }> = [];
  const listeners = new Map<string, (value: WorkDoneValue) => void>();
  const session = {
    request: async (type: { method: string }, params: Record<string, unknown>, token?: unknown) => {
      sent.push({ method: type.method, params, token });
      const listener = typeof params.workDoneToken === 'string' ? listeners.get(params.workDoneToken) : undefined;
      listener?.({ kind: 'report', percentage: 10 });
      return { id: 'n1' };
    },
    onWorkDoneProgress: (token: string, listener: (value: WorkDoneValue) => void) => {
      listeners.set(token, listener);
      return { dispose: () => listeners.delete(token) };
    },
  };
  return { session: session as unknown as ServerSession, sent, listeners };
}

describe('the notes requests', () => {
  test('transcribe and download pass a fresh work-done token, hear progress on it, and stop listening after', async () => {
    const { session, sent, listeners } = fakeSession();
    const server = sessionNotesServer(session);
    const heard: WorkDoneValue[] = [];
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
    const speech = { model: 'tiny.en', language: 'en' };
    await server.transcribe('n1', speech, token, (value) => heard.push(value));
    await server.downloadModel(speech, token, (value) => heard.push(value));
    assert.deepEqual(sent.map((s) => s.method), ['ideTracker/notes/transcribe', 'ideTracker/speech/downloadModel']);
    const [transcribe, download] = sent;
    assert.equal(typeof transcribe!.params.workDoneToken, 'string');
    assert.notEqual(transcribe!.params.workDoneToken, download!.params.workDoneToken);
    assert.deepEqual(transcribe!.params, { noteId: 'n1', speech, workDoneToken: transcribe!.params.workDoneToken });
    assert.equal(transcribe!.token, token, 'the cancellation token goes with the request');
    assert.deepEqual(heard, [{ kind: 'report', percentage: 10 }, { kind: 'report', percentage: 10 }]);
    assert.equal(listeners.size, 0);
  });

  test('draft sends run ids only when there are some; list, create and modelStatus send what they are given', async () => {
    const { session, sent } = fakeSession();
    const server = sessionNotesServer(session);
    await server.draft('n1', []);
    await server.draft('n1', ['r1']);
    await server.list();
    await server.create({ audioPath: '/a.wav', moveAudio: true });
    await server.modelStatus({ model: 'base', language: 'auto' });
    assert.deepEqual(sent.map((s) => [s.method, s.params]), [
      ['ideTracker/notes/draft', { noteId: 'n1' }],
      ['ideTracker/notes/draft', { noteId: 'n1', runIds: ['r1'] }],
      ['ideTracker/notes/list', {}],
      ['ideTracker/notes/create', { audioPath: '/a.wav', moveAudio: true }],
      ['ideTracker/speech/modelStatus', { speech: { model: 'base', language: 'auto' } }],
    ]);
  });
});
