// Whether a PulseAudio server (PipeWire's included) is likely to answer: ffmpeg then records from it,
// else straight from ALSA.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function pulseAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PULSE_SERVER) return true;
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime !== undefined && existsSync(join(runtime, 'pulse', 'native'));
}
