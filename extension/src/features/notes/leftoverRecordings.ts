// Recordings that never became notes: the window closed while recording, or the server could not take
// one. They stay in .recordings, and the next session offers to make notes of them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** WAV files in `folder` that hold audio (more than a header), oldest first; `except` is the one being recorded. */
export function leftoverRecordings(folder: string, except?: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.toLowerCase().endsWith('.wav'))
    .map((name) => join(folder, name))
    .filter((path) => {
      if (path === except) return false;
      try {
        const stat = statSync(path);
        return stat.isFile() && stat.size > 44;
      } catch {
        return false;
      }
    })
    .sort();
}

export function leftoverMessage(count: number): string {
  return count === 1
    ? 'A voice recording from an earlier session was never made into a note. Make a note of it now?'
    : `${count} voice recordings from earlier sessions were never made into notes. Make notes of them now?`;
}
