// Gives generated files the write times the run that wrote them would have left, so a demo run that ended days
// ago does not look as if it were being written right now.
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** Sets the access and write time of a file, or of every file and folder below a folder, to `timeMs`. */
export function settle(path, timeMs) {
  const when = new Date(timeMs);
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) settle(join(path, entry), timeMs);
  }
  utimesSync(path, when, when);
}
