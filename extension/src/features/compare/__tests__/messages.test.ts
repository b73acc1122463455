import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWebviewToHost } from '../messages';

describe('messages from the webview', () => {
  test('every kind the contract names is accepted when well formed', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'requestCompare', metricKeys: ['loss'] },
      { type: 'requestSeries', requestId: 1, runIds: ['a'], keys: ['loss'] },
      { type: 'setStar', runId: 'a', starred: true },
      { type: 'revealRun', runId: 'a' },
      { type: 'saveText', suggestedName: 'params.csv', text: 'a,b' },
      { type: 'savePng', suggestedName: 'chart.png', dataUrl: 'data:image/png;base64,AAAA' },
      { type: 'copyText', text: '| a |' },
    ]) assert.equal(isWebviewToHost(message), true, JSON.stringify(message));
  });

  test('unknown kinds, missing fields and wrong types are refused', () => {
    for (const message of [
      null, 'ready', {}, { type: 'runScript' },
      { type: 'setStar', runId: 'a' },
      { type: 'requestSeries', requestId: '1', runIds: ['a'], keys: ['loss'] },
      { type: 'requestCompare', metricKeys: [1] },
      { type: 'savePng', suggestedName: 'x.png', dataUrl: 'https://evil.test/x.png' },
    ]) assert.equal(isWebviewToHost(message), false, JSON.stringify(message));
  });
});
