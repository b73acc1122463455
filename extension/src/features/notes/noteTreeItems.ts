// How a note and what hangs under it look in the Notes view. Titles come from what was said, so they
// are shown as plain text; the tooltip is the server's Markdown (it escapes what it did not write).
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { NoteDto, NoteStatus } from '../../protocol';
import { plainLabel } from '../runTree/treeItems';
import type { NoteElement, NoteFileElement, NoteFileKind, NotesElement } from './noteElements';

export const revealRunCommand = 'ideTracker.revealRun';

export function statusIcon(status: NoteStatus): vscode.ThemeIcon {
  switch (status) {
    case 'recorded': return new vscode.ThemeIcon('mic');
    case 'transcribing': return new vscode.ThemeIcon('loading~spin');
    case 'transcribed': return new vscode.ThemeIcon('note');
    case 'drafted': return new vscode.ThemeIcon('markdown', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    default: return new vscode.ThemeIcon('circle-outline');
  }
}

/** Menus read the status from here: `note failed`, `note drafted`… plus `hasDraft` when there is one to open. */
export function noteContextValue(note: NoteDto): string {
  return ['note', note.status, ...(note.draftPath ? ['hasDraft'] : [])].join(' ');
}

export function noteChildren(note: NoteDto): NotesElement[] {
  const runs = note.runIds.map((runId, i): NotesElement => ({ type: 'run', note, runId, name: note.runNames[i] ?? runId }));
  const files: Array<[NoteFileKind, string | undefined]> = [['draft', note.draftPath], ['transcript', note.transcriptPath], ['audio', note.audioPath]];
  return [...runs, ...files.flatMap(([kind, path]): NotesElement[] => (path ? [{ type: 'file', note, kind, path }] : []))];
}

export function noteTreeItem({ note }: NoteElement): vscode.TreeItem {
  const hasChildren = noteChildren(note).length > 0;
  const item = new vscode.TreeItem(plainLabel(note.title || 'Untitled note'),
    hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `note/${note.id}`;
  item.description = `${plainLabel(note.createdLabel, 40)} · ${note.status}`;
  item.iconPath = statusIcon(note.status);
  item.contextValue = noteContextValue(note);
  item.tooltip = new vscode.MarkdownString(note.tooltip);
  item.accessibilityInformation = { label: `${plainLabel(note.title || 'Untitled note')}, voice note, ${note.createdLabel}, ${note.status}` };
  if (note.draftPath) {
    item.command = { command: 'vscode.open', title: 'Open Draft', arguments: [vscode.Uri.file(note.draftPath)] };
  }
  return item;
}

const fileLabels: Record<NoteFileKind, string> = { draft: 'README draft', transcript: 'Transcript', audio: 'Audio' };
const fileIcons: Record<NoteFileKind, string> = { draft: 'markdown', transcript: 'note', audio: 'unmute' };

function fileTreeItem(element: NoteFileElement): vscode.TreeItem {
  const item = new vscode.TreeItem(fileLabels[element.kind]);
  item.id = `note/${element.note.id}/${element.kind}`;
  item.description = plainLabel(basename(element.path));
  item.iconPath = new vscode.ThemeIcon(fileIcons[element.kind]);
  item.tooltip = element.path;
  item.contextValue = `noteFile ${element.kind}`;
  item.command = { command: 'vscode.open', title: `Open ${fileLabels[element.kind]}`, arguments: [vscode.Uri.file(element.path)] };
  return item;
}

export function notesTreeItem(element: NotesElement): vscode.TreeItem {
  switch (element.type) {
    case 'note': return noteTreeItem(element);
    case 'file': return fileTreeItem(element);
    case 'run': {
      const item = new vscode.TreeItem(plainLabel(element.name));
      item.id = `note/${element.note.id}/run/${element.runId}`;
      item.iconPath = new vscode.ThemeIcon('beaker');
      item.tooltip = `Reveal the run ${plainLabel(element.name)} in the Runs view`;
      item.contextValue = 'noteRun';
      item.command = { command: revealRunCommand, title: 'Reveal Run in Tree', arguments: [element.runId] };
      return item;
    }
    case 'problem': {
      const item = new vscode.TreeItem(plainLabel(element.message));
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = element.message;
      item.contextValue = 'noteProblem';
      return item;
    }
  }
}
