import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readExtensionManifest } from '../../../test/unit/extensionManifest';
import { noteCommands } from '../commands';
import { notesViewId } from '../notesView';

interface Contributions {
  commands: Array<{ command: string; title: string }>;
  views: Record<string, Array<{ id: string }>>;
  viewsWelcome: Array<{ view: string; contents: string }>;
}

describe('the voice-note contributions', () => {
  const contributes = readExtensionManifest().contributes as unknown as Contributions;

  test('every voice-note command is contributed with a title', () => {
    const titles = new Map(contributes.commands.map((c) => [c.command, c.title]));
    const missing = Object.values(noteCommands).filter((id) => !titles.get(id));
    assert.deepEqual(missing, []);
    assert.equal(titles.get(noteCommands.record), 'Record Voice Note');
    assert.equal(titles.get(noteCommands.transcribeFile), 'Transcribe Audio File…');
  });

  test('the Notes view sits below the runs in the Experiments container, and says how to start when empty', () => {
    assert.deepEqual(contributes.views.ideTracker!.map((v) => v.id), ['ideTracker.runs', notesViewId]);
    const welcome = contributes.viewsWelcome.filter((w) => w.view === notesViewId).map((w) => w.contents).join('\n');
    assert.match(welcome, /\[Record a Voice Note\]\(command:ideTracker\.recordVoiceNote\)/);
  });
});
