import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NotesListResult } from '../../../protocol';
import { NotesProvider } from '../notesProvider';
import { noteDto } from './fakeNotes';

describe('the Notes view provider', () => {
  test('lists the notes the server has, newest first as sent, then the folders it could not read', async () => {
    const answer: NotesListResult = {
      notes: [noteDto('b', { status: 'failed', error: 'worker crashed' }), noteDto('a')],
      problems: ['.ide-tracker/notes/x/note.json: line 1: not JSON; the folder is left as it is'],
    };
    const provider = new NotesProvider({ list: async () => answer }, (error) => { throw error; });
    const rows = await provider.getChildren();
    assert.deepEqual(rows.map((r) => (r.type === 'note' ? r.note.id : r.type)), ['b', 'a', 'problem']);
    assert.equal(provider.getTreeItem(rows[2]!).label, answer.problems[0]);
    assert.equal(provider.noteOf('a')?.title, 'Note a');
    assert.deepEqual(await provider.getChildren(rows[2]!), []);
    assert.equal((await provider.getChildren(rows[1]!)).length, 1, 'the audio');
  });

  test("a note's runs and files have the note as parent, so the view can reveal them; notes are at the top", async () => {
    const note = noteDto('a', { runIds: ['r1'], runNames: ['resnet'], draftPath: '/ws/.ide-tracker/notes/a/README.md' });
    const provider = new NotesProvider({ list: async () => ({ notes: [note], problems: [] }) }, (error) => { throw error; });
    const [row] = await provider.getChildren();
    const children = await provider.getChildren(row!);
    assert.ok(children.some((c) => c.type === 'run') && children.some((c) => c.type === 'file'));
    for (const child of children) {
      const parent = provider.getParent(child);
      assert.equal(parent?.type === 'note' ? provider.getTreeItem(parent).id : undefined, provider.getTreeItem(row!).id);
    }
    assert.equal(provider.getParent(row!), undefined);
  });

  test('is empty, and reports, when the server cannot be asked; refresh asks again', async () => {
    const errors: unknown[] = [];
    let fail = true;
    let asked = 0;
    const provider = new NotesProvider({
      list: async () => {
        asked++;
        if (fail) throw new Error('The ide-tracker server is not running.');
        return { notes: [noteDto('a')], problems: [] };
      },
    }, (error) => errors.push(error));
    let refreshed = 0;
    provider.onDidChangeTreeData(() => refreshed++);
    assert.deepEqual(await provider.getChildren(), []);
    assert.equal(errors.length, 1);
    fail = false;
    provider.refresh();
    assert.equal(refreshed, 1);
    assert.equal((await provider.getChildren()).length, 1);
    assert.equal(asked, 2);
  });
});
