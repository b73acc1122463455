import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readExtensionManifest } from '../../../test/unit/extensionManifest';
import { defaultMaxSeconds, readVoiceNoteSettings, speechModels } from '../voiceNoteSettings';

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('the voice-note settings', () => {
  test('the defaults give tiny.en in English with nothing else sent', () => {
    const settings = readVoiceNoteSettings(reader({ model: 'tiny.en', modelPath: '', language: 'en', modelDownloadUrl: '', threads: 0, maxSeconds: 600, recorderCommand: '' }));
    assert.deepEqual(settings, { recorderCommand: '', maxSeconds: 600, speech: { model: 'tiny.en', language: 'en' } });
  });

  test('every setting the user filled in reaches the SpeechSettings, trimmed', () => {
    const settings = readVoiceNoteSettings(reader({
      model: 'base', modelPath: ' /models/ggml-base.bin ', language: 'auto', modelDownloadUrl: 'http://127.0.0.1:8080/models/', threads: 3,
      maxSeconds: 90.7, recorderCommand: 'arecord {output}',
    }));
    assert.deepEqual(settings, {
      recorderCommand: 'arecord {output}',
      maxSeconds: 90,
      speech: { model: 'base', modelPath: '/models/ggml-base.bin', language: 'auto', downloadUrl: 'http://127.0.0.1:8080/models/', threads: 3 },
    });
  });

  test('whatever else settings.json holds falls back to the defaults', () => {
    const settings = readVoiceNoteSettings(reader({ model: 'large-v3', modelPath: 7, language: '  ', threads: -2, maxSeconds: 'long', recorderCommand: ['rec'] }));
    assert.deepEqual(settings, { recorderCommand: '', maxSeconds: defaultMaxSeconds, speech: { model: 'tiny.en', language: 'en' } });
    assert.equal(readVoiceNoteSettings(reader({ threads: 2.5, maxSeconds: 0 })).speech.threads, undefined);
    assert.equal(readVoiceNoteSettings(reader({ maxSeconds: 0 })).maxSeconds, defaultMaxSeconds);
  });

  test('the manifest declares each setting read here, with the same defaults and models', () => {
    const properties = readExtensionManifest().contributes.configuration.properties as Record<string, { default?: unknown; enum?: string[] }>;
    const declared = Object.keys(properties).filter((key) => key.startsWith('ideTracker.voiceNotes.')).map((key) => key.slice('ideTracker.voiceNotes.'.length));
    assert.deepEqual(declared.sort(), ['language', 'maxSeconds', 'model', 'modelDownloadUrl', 'modelPath', 'recorderCommand', 'threads']);
    const defaults = Object.fromEntries(declared.map((key) => [key, properties[`ideTracker.voiceNotes.${key}`]!.default]));
    assert.deepEqual(readVoiceNoteSettings(reader(defaults)), { recorderCommand: '', maxSeconds: 600, speech: { model: 'tiny.en', language: 'en' } });
    assert.deepEqual(properties['ideTracker.voiceNotes.model']!.enum, [...speechModels]);
  });
});
