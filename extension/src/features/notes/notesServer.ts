// The server's notes and speech requests as the notes feature calls them. A request that reports
// progress gets a fresh work-done token; what the server reports on it goes to `onProgress`.
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import {
  NotesCreateRequest, NotesDraftRequest, NotesListRequest, NotesTranscribeRequest, SpeechDownloadModelRequest, SpeechModelStatusRequest,
  type CreateNoteParams, type ModelStatusDto, type NoteDto, type NotesListResult, type SpeechSettings,
} from '../../protocol';
import type { ServerSession } from '../server';
import type { WorkDoneValue } from './progressSteps';

export type ProgressListener = (value: WorkDoneValue) => void;

export interface NotesServer {
  list(token?: vscode.CancellationToken): Promise<NotesListResult>;
  create(params: CreateNoteParams): Promise<NoteDto>;
  transcribe(noteId: string, speech: SpeechSettings, token: vscode.CancellationToken, onProgress: ProgressListener): Promise<NoteDto>;
  draft(noteId: string, runIds: readonly string[] | undefined, token?: vscode.CancellationToken): Promise<NoteDto>;
  modelStatus(speech: SpeechSettings): Promise<ModelStatusDto>;
  downloadModel(speech: SpeechSettings, token: vscode.CancellationToken, onProgress: ProgressListener): Promise<ModelStatusDto>;
}

export function sessionNotesServer(session: ServerSession): NotesServer {
  async function withProgressToken<R>(onProgress: ProgressListener, send: (workDoneToken: string) => Promise<R>): Promise<R> {
    const workDoneToken = randomUUID();
    const listening = session.onWorkDoneProgress(workDoneToken, onProgress);
    try {
      return await send(workDoneToken);
    } finally {
      listening.dispose();
    }
  }
  return {
    list: (token) => session.request(NotesListRequest.type, {}, token),
    create: (params) => session.request(NotesCreateRequest.type, params),
    transcribe: (noteId, speech, token, onProgress) =>
      withProgressToken(onProgress, (workDoneToken) => session.request(NotesTranscribeRequest.type, { noteId, speech, workDoneToken }, token)),
    draft: (noteId, runIds, token) =>
      session.request(NotesDraftRequest.type, { noteId, ...(runIds && runIds.length > 0 ? { runIds: [...runIds] } : {}) }, token),
    modelStatus: (speech) => session.request(SpeechModelStatusRequest.type, { speech }),
    downloadModel: (speech, token, onProgress) =>
      withProgressToken(onProgress, (workDoneToken) => session.request(SpeechDownloadModelRequest.type, { speech, workDoneToken }, token)),
  };
}
