// What to do about the Whisper model before transcribing: go ahead, offer a download (never start one
// unasked), or say the engine itself is missing.
import type { ModelStatusDto } from '../../protocol';

export const downloadChoice = 'Download';
export const chooseFileChoice = 'Choose File…';
export const notNowChoice = 'Not Now';

export type ModelDecision =
  | { readonly kind: 'ready' }
  | { readonly kind: 'offerDownload'; readonly message: string; readonly choices: readonly string[] }
  | { readonly kind: 'engineMissing'; readonly message: string };

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function decideModel(status: ModelStatusDto): ModelDecision {
  if (!status.engineReady) {
    const why = status.engineProblem ?? 'The whisper.cpp library could not be loaded.';
    return { kind: 'engineMissing', message: `Voice notes cannot be transcribed on this machine yet: ${why} The recording is kept; retry once it is fixed.` };
  }
  if (status.found) return { kind: 'ready' };
  const what = `${status.model}${status.sizeLabel ? ` (${status.sizeLabel})` : ''}`;
  const from = hostOf(status.downloadUrl);
  // A file was there but rejected (corrupt, not ggml): say so before offering a fresh copy.
  const message = status.path && status.problem
    ? `${status.problem} Download ${what} from ${from} instead?`
    : `Voice notes need a Whisper model. Download ${what} from ${from}?`;
  return { kind: 'offerDownload', message, choices: [downloadChoice, chooseFileChoice, notNowChoice] };
}
