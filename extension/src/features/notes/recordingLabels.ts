// What the recording shows while it runs and says when it ends: "0:12", the time left near the limit,
// "10 minutes" in a sentence.

/** "0:07", "12:34", "1:02:03". */
export function clockLabel(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function unit(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "1 second", "45 seconds", "10 minutes", "1 hour, 30 minutes" — for sentences. */
export function durationWords(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) parts.push(unit(h, 'hour'));
  if (m > 0) parts.push(unit(m, 'minute'));
  if (s > 0 || parts.length === 0) parts.push(unit(s, 'second'));
  return parts.join(', ');
}

/** The last 30 seconds before the limit (the last fifth of a limit under 2½ minutes). */
export function nearLimit(elapsedSeconds: number, maxSeconds: number): boolean {
  const warnFor = Math.min(30, maxSeconds / 5);
  return elapsedSeconds >= maxSeconds - warnFor;
}

export interface RecordingStatusContent {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
  readonly warning: boolean;
}

export const recordCommand = 'ideTracker.recordVoiceNote';
export const stopCommand = 'ideTracker.stopRecording';

export function idleStatus(): RecordingStatusContent {
  return { text: '$(mic)', tooltip: 'Record a voice note', command: recordCommand, warning: false };
}

export function recordingStatus(elapsedSeconds: number, maxSeconds: number): RecordingStatusContent {
  const warning = nearLimit(elapsedSeconds, maxSeconds);
  const left = Math.max(0, maxSeconds - Math.floor(elapsedSeconds));
  const tooltip = warning
    ? `Recording a voice note: it stops by itself in ${durationWords(left)}. Click to stop now.`
    : `Recording a voice note (at most ${durationWords(maxSeconds)}). Click to stop.`;
  return { text: `$(record) ${clockLabel(elapsedSeconds)}`, tooltip, command: stopCommand, warning };
}

export function limitReachedMessage(maxSeconds: number): string {
  return `The recording stopped by itself at its ${durationWords(maxSeconds)} limit (ideTracker.voiceNotes.maxSeconds); the note is being made from it.`;
}

/** For a note whose transcript is empty; `durationLabel` is the server's ("12 seconds"). */
export function silenceMessage(durationLabel: string | undefined): string {
  return durationLabel ? `No speech was heard in the ${durationLabel} recorded.` : 'No speech was heard in the recording.';
}

/** `<yyyyMMdd-HHmmss>` in local time, the recording's file name. */
export function recordingFileName(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}.wav`;
}
