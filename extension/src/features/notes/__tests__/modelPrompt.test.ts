import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ModelStatusDto } from '../../../protocol';
import { decideModel } from '../modelPrompt';

const missing: ModelStatusDto = {
  model: 'tiny.en',
  found: false,
  problem: 'No tiny.en model was found in /home/u/.cache/ide-tracker/models.',
  searched: ['/home/u/.cache/ide-tracker/models'],
  downloadUrl: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-tiny.en.bin',
  downloadPath: '/home/u/.cache/ide-tracker/models/ggml-tiny.en.bin',
  sizeLabel: '75 MB',
  engineReady: true,
};

describe('what to do about the Whisper model', () => {
  test('a model that is there needs nothing', () => {
    assert.deepEqual(decideModel({ ...missing, found: true, path: missing.downloadPath, problem: undefined }), { kind: 'ready' });
  });

  test('a missing model is offered for download, naming its size and host, with a file chooser and Not Now', () => {
    assert.deepEqual(decideModel(missing), {
      kind: 'offerDownload',
      message: 'Voice notes need a Whisper model. Download tiny.en (75 MB) from huggingface.co?',
      choices: ['Download', 'Choose File…', 'Not Now'],
    });
  });

  test('a rejected file is named before a fresh copy is offered', () => {
    const decision = decideModel({ ...missing, path: '/models/ggml-tiny.en.bin', problem: '/models/ggml-tiny.en.bin is not a ggml model (its first bytes are not "lmgg").' });
    assert.equal(decision.kind, 'offerDownload');
    assert.equal(decision.kind === 'offerDownload' && decision.message,
      '/models/ggml-tiny.en.bin is not a ggml model (its first bytes are not "lmgg"). Download tiny.en (75 MB) from huggingface.co instead?');
  });

  test('an unknown size and a download URL that is not a URL still make a sentence', () => {
    const decision = decideModel({ ...missing, sizeLabel: undefined, downloadUrl: 'mirror/models' });
    assert.equal(decision.kind === 'offerDownload' && decision.message, 'Voice notes need a Whisper model. Download tiny.en from mirror/models?');
  });

  test('a missing engine is said plainly and no download is offered', () => {
    const decision = decideModel({ ...missing, engineReady: false, engineProblem: 'libwhisper.so was not found in /opt/whisper.' });
    assert.equal(decision.kind, 'engineMissing');
    assert.match(decision.kind === 'engineMissing' ? decision.message : '', /libwhisper\.so was not found in \/opt\/whisper\. The recording is kept/);
  });
});
