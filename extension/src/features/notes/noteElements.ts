import type { NoteDto } from '../../protocol';

/** A note, one row per note of the list the server sent. */
export interface NoteElement {
  readonly type: 'note';
  readonly note: NoteDto;
}

/** A run the note talks about; a click reveals it in the Runs view. */
export interface NoteRunElement {
  readonly type: 'run';
  readonly note: NoteDto;
  readonly runId: string;
  readonly name: string;
}

export type NoteFileKind = 'draft' | 'transcript' | 'audio';

export interface NoteFileElement {
  readonly type: 'file';
  readonly note: NoteDto;
  readonly kind: NoteFileKind;
  readonly path: string;
}

/** A notes folder the server could not read; its message says where and why. */
export interface NoteProblemElement {
  readonly type: 'problem';
  readonly message: string;
}

export type NotesElement = NoteElement | NoteRunElement | NoteFileElement | NoteProblemElement;
