import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clockLabel, durationWords, idleStatus, limitReachedMessage, nearLimit, recordingFileName, recordingStatus, silenceMessage,
} from '../recordingLabels';

describe('what a recording shows', () => {
  test('the elapsed time as a clock', () => {
    assert.deepEqual([0, 7.9, 12, 61, 599, 3600, 3723, -3].map(clockLabel), ['0:00', '0:07', '0:12', '1:01', '9:59', '1:00:00', '1:02:03', '0:00']);
  });

  test('durations in words for sentences', () => {
    assert.deepEqual([0, 1, 45, 60, 90, 600, 3600, 5400].map(durationWords),
      ['0 seconds', '1 second', '45 seconds', '1 minute', '1 minute, 30 seconds', '10 minutes', '1 hour', '1 hour, 30 minutes']);
  });

  test('warns in the last 30 seconds, or the last fifth of a short limit', () => {
    assert.equal(nearLimit(569, 600), false);
    assert.equal(nearLimit(570, 600), true);
    assert.equal(nearLimit(7, 10), false);
    assert.equal(nearLimit(8, 10), true);
  });

  test('the status bar: a mic while idle, the time while recording, a click stops, warning near the limit', () => {
    assert.deepEqual(idleStatus(), { text: '$(mic)', tooltip: 'Record a voice note', command: 'ideTracker.recordVoiceNote', warning: false });
    const early = recordingStatus(12.4, 600);
    assert.equal(early.text, '$(record) 0:12');
    assert.equal(early.command, 'ideTracker.stopRecording');
    assert.equal(early.warning, false);
    assert.equal(early.tooltip, 'Recording a voice note (at most 10 minutes). Click to stop.');
    const late = recordingStatus(585, 600);
    assert.equal(late.warning, true);
    assert.equal(late.tooltip, 'Recording a voice note: it stops by itself in 15 seconds. Click to stop now.');
  });

  test('the messages at the limit and for silence', () => {
    assert.match(limitReachedMessage(600), /at its 10 minutes limit \(ideTracker\.voiceNotes\.maxSeconds\)/);
    assert.equal(silenceMessage('12 seconds'), 'No speech was heard in the 12 seconds recorded.');
    assert.equal(silenceMessage(undefined), 'No speech was heard in the recording.');
  });

  test('a recording is named by its local start time', () => {
    assert.equal(recordingFileName(new Date(2026, 11, 2, 1, 2, 3)), '20261202-010203.wav');
  });
});
