// Which recorder program to run, and how: the user's recorderCommand when set, else the first known
// recorder on PATH, each asked for 16 kHz mono 16-bit WAV (what Whisper wants, so nothing is resampled).
import { parseCommandLine, withOutput } from './commandLine';

/** How a recorder is told to stop so it finishes the WAV header: SIGINT, or `q` on stdin for ffmpeg. */
export type StopSignal = 'interrupt' | 'quitKey';

export interface RecorderCommand {
  /** The program as found on PATH (or as the setting names it). */
  readonly program: string;
  readonly args: string[];
  readonly stop: StopSignal;
  /** "arecord", or "recorderCommand setting". */
  readonly origin: string;
}

export type RecorderChoice =
  | { readonly ok: true; readonly recorder: RecorderCommand }
  | { readonly ok: false; readonly reason: 'none' | 'badSetting'; readonly message: string };

export interface RecorderEnvironment {
  readonly platform: NodeJS.Platform;
  /** The full path of a program on PATH, or undefined. */
  readonly which: (program: string) => string | undefined;
  /** Whether a PulseAudio (or PipeWire's Pulse) server answers, for ffmpeg's input on Linux. */
  readonly hasPulse: boolean;
}

export const recorderSetting = 'ideTracker.voiceNotes.recorderCommand';

interface KnownRecorder {
  readonly name: string;
  readonly platforms: readonly NodeJS.Platform[];
  readonly args: (env: RecorderEnvironment) => string[];
  readonly stop: StopSignal;
}

const unix: NodeJS.Platform[] = ['linux', 'darwin', 'freebsd', 'openbsd'];
const soxArgs = ['-q', '-r', '16000', '-c', '1', '-b', '16', '{output}'];

function ffmpegInput(env: RecorderEnvironment): string[] {
  switch (env.platform) {
    case 'darwin': return ['-f', 'avfoundation', '-i', ':0'];
    case 'win32': return ['-f', 'dshow', '-i', 'audio=default'];
    default: return env.hasPulse ? ['-f', 'pulse', '-i', 'default'] : ['-f', 'alsa', '-i', 'default'];
  }
}

/** In the order they are looked for. */
export const knownRecorders: readonly KnownRecorder[] = [
  { name: 'arecord', platforms: ['linux'], args: () => ['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'wav', '{output}'], stop: 'interrupt' },
  { name: 'pw-record', platforms: ['linux'], args: () => ['--rate', '16000', '--channels', '1', '--format', 's16', '{output}'], stop: 'interrupt' },
  { name: 'parecord', platforms: ['linux'], args: () => ['--rate=16000', '--channels=1', '--format=s16le', '--file-format=wav', '{output}'], stop: 'interrupt' },
  { name: 'sox', platforms: [...unix, 'win32'], args: () => ['-q', '-d', ...soxArgs.slice(1)], stop: 'interrupt' },
  // `rec` is sox with the default input already chosen.
  { name: 'rec', platforms: unix, args: () => soxArgs, stop: 'interrupt' },
  {
    name: 'ffmpeg', platforms: [...unix, 'win32'], stop: 'quitKey',
    args: (env) => ['-hide_banner', '-loglevel', 'error', '-nostats', ...ffmpegInput(env), '-ac', '1', '-ar', '16000', '-y', '{output}'],
  },
];

/** What to install, per platform, when no recorder was found. */
export function installAdvice(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin': return 'Install SoX (brew install sox) or ffmpeg (brew install ffmpeg)';
    case 'win32': return 'Install SoX (winget install ChrisBagwell.SoX) or ffmpeg (winget install Gyan.FFmpeg) and put it on PATH';
    default: return 'Install alsa-utils (arecord), pipewire (pw-record), pulseaudio-utils (parecord), sox or ffmpeg';
  }
}

function isFfmpeg(program: string): boolean {
  return /(^|[\\/])ffmpeg(\.exe)?$/i.test(program);
}

/** The recorder to run for `output`; `setting` is the user's recorderCommand ("" = detect). */
export function chooseRecorder(setting: string, output: string, env: RecorderEnvironment): RecorderChoice {
  if (setting.trim() !== '') {
    const parsed = parseCommandLine(setting);
    if (!parsed.ok) {
      return { ok: false, reason: 'badSetting', message: `The ${recorderSetting} setting cannot be read: ${parsed.error}.` };
    }
    const [program, ...args] = parsed.words as [string, ...string[]];
    return {
      ok: true,
      recorder: { program, args: withOutput(args, output), stop: isFfmpeg(program) ? 'quitKey' : 'interrupt', origin: `${recorderSetting} setting` },
    };
  }
  for (const known of knownRecorders) {
    if (!known.platforms.includes(env.platform)) continue;
    const found = env.which(known.name);
    if (found) return { ok: true, recorder: { program: found, args: withOutput(known.args(env), output), stop: known.stop, origin: known.name } };
  }
  const names = knownRecorders.filter((k) => k.platforms.includes(env.platform)).map((k) => k.name).join(', ');
  return {
    ok: false,
    reason: 'none',
    message: `No audio recorder was found on PATH (looked for ${names}). ${installAdvice(env.platform)}, or name one in the ${recorderSetting} setting.`,
  };
}
