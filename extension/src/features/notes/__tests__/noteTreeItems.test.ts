import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as vscode from 'vscode';
import { readExtensionManifest } from '../../../test/unit/extensionManifest';
import { noteChildren, noteContextValue, notesTreeItem } from '../noteTreeItems';
import { noteDto } from './fakeNotes';

type Icon = { id: string; color?: { id: string } };

function item(note = noteDto('n1')): vscode.TreeItem {
  return notesTreeItem({ type: 'note', note });
}

describe('a note in the Notes view', () => {
  test('shows its title, when it was made and its status, with the server tooltip as Markdown that runs nothing', () => {
    const shown = item(noteDto('n1', { title: 'Trying a lower learning rate', status: 'drafted', draftPath: '/ws/n1/README.md' }));
    assert.equal(shown.label, 'Trying a lower learning rate');
    assert.equal(shown.description, '3 minutes ago · drafted');
    assert.equal(shown.id, 'note/n1');
    const tooltip = shown.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.value, '**Note n1**');
    assert.equal(tooltip.isTrusted, false);
    assert.equal(shown.command?.command, 'vscode.open');
  });

  test('a hostile title stays one line of plain text, cut to length', () => {
    const shown = item(noteDto('n2', { title: `<img src=x onerror=alert(1)> **bold**\n$(bug) line two\u2028${'x'.repeat(300)}` }));
    const label = shown.label as string;
    assert.ok(!/[\n\u2028]/.test(label));
    assert.ok(label.startsWith('<img src=x onerror=alert(1)> **bold** $(bug) line two '));
    assert.equal(Array.from(label).length, 120);
    assert.ok(label.endsWith('…'));
    assert.equal(item(noteDto('n3', { title: '' })).label, 'Untitled note');
  });

  test('each status has its own icon, a failed one in red', () => {
    const icons = (['recorded', 'transcribing', 'transcribed', 'drafted', 'failed'] as const)
      .map((status) => item(noteDto('n', { status })).iconPath as unknown as Icon)
      .map((i) => `${i.id}${i.color ? ` ${i.color.id}` : ''}`);
    assert.deepEqual(icons, ['mic', 'loading~spin', 'note', 'markdown testing.iconPassed', 'error testing.iconFailed']);
  });

  test('its children are the linked runs, then the draft, the transcript and the audio that exist', () => {
    const note = noteDto('n4', {
      runIds: ['r1', 'r2'], runNames: ['baseline', 'lr=3e-4'], status: 'drafted',
      transcriptPath: '/ws/n4/transcript.txt', draftPath: '/ws/n4/README.md',
    });
    const children = noteChildren(note);
    assert.deepEqual(children.map((c) => (c.type === 'run' ? `run ${c.runId} ${c.name}` : c.type === 'file' ? `${c.kind} ${c.path}` : c.type)), [
      'run r1 baseline', 'run r2 lr=3e-4', 'draft /ws/n4/README.md', 'transcript /ws/n4/transcript.txt', `audio ${note.audioPath}`,
    ]);
    const run = notesTreeItem(children[0]!);
    assert.deepEqual(run.command, { command: 'ideTracker.revealRun', title: 'Reveal Run in Tree', arguments: ['r1'] });
    const draft = notesTreeItem(children[2]!);
    assert.equal(draft.label, 'README draft');
    assert.equal(draft.description, 'README.md');
    assert.equal(draft.command?.command, 'vscode.open');
    assert.equal(item(note).collapsibleState, 1);
    assert.equal(item(noteDto('bare', { audioPath: undefined })).collapsibleState, 0);
  });

  test('a run the server could not name shows its id', () => {
    const [run] = noteChildren(noteDto('n5', { runIds: ['r9'], runNames: [] }));
    assert.equal(notesTreeItem(run!).label, 'r9');
  });

  test("the manifest's menus offer Retry, Draft and Open Draft exactly to the notes they fit", () => {
    const menus = (readExtensionManifest().contributes as unknown as { menus: Record<string, Array<{ command: string; when?: string }>> }).menus['view/item/context']!;
    const offered = (status: Parameters<typeof noteDto>[1]) => {
      const viewItem = noteContextValue(noteDto('m', status));
      return [...new Set(menus.filter((m) => m.when?.includes('view == ideTracker.notes')).filter((m) => {
        const pattern = /viewItem =~ \/(.*?)\/(?:\s|$)/.exec(m.when!)?.[1];
        return pattern !== undefined && new RegExp(pattern.replace(/\\\\/g, '\\')).test(viewItem);
      }).map((m) => m.command.replace('ideTracker.', '')))].sort();
    };
    const reveal = ['revealNoteInExplorer', 'revealNoteInOS'];
    assert.deepEqual(offered({ status: 'failed' }), ['retryTranscription', ...reveal].sort());
    assert.deepEqual(offered({ status: 'recorded' }), ['retryTranscription', ...reveal].sort());
    assert.deepEqual(offered({ status: 'transcribed' }), ['draftReadme', ...reveal].sort());
    assert.deepEqual(offered({ status: 'drafted', draftPath: '/d.md' }), ['draftReadme', 'openNoteDraft', ...reveal].sort());
    assert.deepEqual(offered({ status: 'transcribing' }), reveal);
  });
});
