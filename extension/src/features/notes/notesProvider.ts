// The Notes view's data: the server's list of notes, read again whenever the server says notes changed.
import * as vscode from 'vscode';
import type { NoteDto, NotesListResult } from '../../protocol';
import type { NotesElement } from './noteElements';
import { noteChildren, notesTreeItem } from './noteTreeItems';

export interface NotesSource {
  list(token?: vscode.CancellationToken): Promise<NotesListResult>;
}

export class NotesProvider implements vscode.TreeDataProvider<NotesElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NotesElement | undefined>();
  private latest: NoteDto[] = [];
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly source: NotesSource, private readonly onError: (error: unknown) => void) {}

  /** The notes of the last list read, newest first. */
  get notes(): readonly NoteDto[] {
    return this.latest;
  }

  noteOf(id: string): NoteDto | undefined {
    return this.latest.find((note) => note.id === id);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(element: NotesElement): vscode.TreeItem {
    return notesTreeItem(element);
  }

  /** A note's runs and files sit under it; notes and problems at the top. (`TreeView.reveal` needs this.) */
  getParent(element: NotesElement): NotesElement | undefined {
    return element.type === 'run' || element.type === 'file' ? { type: 'note', note: element.note } : undefined;
  }

  async getChildren(element?: NotesElement): Promise<NotesElement[]> {
    if (element) return element.type === 'note' ? noteChildren(element.note) : [];
    let result: NotesListResult;
    try {
      result = await this.source.list();
    } catch (error) {
      this.onError(error);
      return [];
    }
    this.latest = result.notes;
    return [
      ...result.notes.map((note): NotesElement => ({ type: 'note', note })),
      ...result.problems.map((message): NotesElement => ({ type: 'problem', message })),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
