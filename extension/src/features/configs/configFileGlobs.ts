// Which files count as configs: the `ideTracker.configFiles` setting, one glob a line relative to the workspace
// folder, where a leading `!` leaves files out. A document selector cannot say "but not", so the patterns are
// split here: the ones taking files in make the selector, the ones leaving files out are checked per document.

export const configFilesSetting = 'ideTracker.configFiles';

export interface ConfigFileGlobs {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** The setting's value as globs to take in and to leave out; anything that is not a non-empty string is skipped. */
export function readConfigFileGlobs(value: unknown): ConfigFileGlobs {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    if (typeof entry !== 'string') continue;
    const glob = entry.trim();
    const negated = glob.startsWith('!');
    const pattern = stripLeadingSlash(negated ? glob.slice(1).trim() : glob);
    if (!pattern) continue;
    const list = negated ? exclude : include;
    if (!list.includes(pattern)) list.push(pattern);
  }
  return { include, exclude };
}

// "./conf/**" and "/conf/**" both mean the folder's own conf/: patterns are relative to the workspace folder.
function stripLeadingSlash(glob: string): string {
  return glob.replace(/^(\.\/|\/)+/, '');
}
