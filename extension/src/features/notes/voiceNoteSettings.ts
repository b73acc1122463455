// The ideTracker.voiceNotes.* settings, read fresh for every request, and the SpeechSettings the server
// gets from them.
import type { SpeechSettings } from '../../protocol';

export const voiceNotesSection = 'ideTracker.voiceNotes';
export const speechModels = ['tiny.en', 'base.en', 'tiny', 'base'] as const;
export const defaultMaxSeconds = 600;

export interface VoiceNoteSettings {
  readonly recorderCommand: string;
  readonly maxSeconds: number;
  readonly speech: SpeechSettings;
}

/** What `vscode.workspace.getConfiguration(voiceNotesSection).get` answers; a user can put anything in settings.json. */
export type SettingReader = (key: string) => unknown;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function readVoiceNoteSettings(get: SettingReader): VoiceNoteSettings {
  const model = text(get('model'));
  const modelPath = text(get('modelPath'));
  const language = text(get('language'));
  const downloadUrl = text(get('modelDownloadUrl'));
  const threads = get('threads');
  const maxSeconds = get('maxSeconds');
  const speech: SpeechSettings = {
    model: (speechModels as readonly string[]).includes(model) ? model : 'tiny.en',
    language: language === '' ? 'en' : language,
    ...(modelPath ? { modelPath } : {}),
    ...(downloadUrl ? { downloadUrl } : {}),
    ...(typeof threads === 'number' && Number.isInteger(threads) && threads > 0 ? { threads } : {}),
  };
  return {
    recorderCommand: typeof get('recorderCommand') === 'string' ? (get('recorderCommand') as string) : '',
    maxSeconds: typeof maxSeconds === 'number' && Number.isFinite(maxSeconds) && maxSeconds >= 1 ? Math.floor(maxSeconds) : defaultMaxSeconds,
    speech,
  };
}
