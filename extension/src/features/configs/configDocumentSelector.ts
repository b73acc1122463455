// The document selector of the language client: files on disk inside the workspace folder whose path matches one
// of the config globs, in a language the server reads. Untitled documents are left out: they belong to no folder,
// so no glob relative to it can take them in.
//
// Each glob is paired with the languages its file extension can have, so `**/train*.py` admits Python only.
// VS Code has no TOML language of its own: without a TOML extension a .toml file opens as plain text, so a glob
// that names the .toml extension also admits plain text (a glob whose extension is open admits only the languages
// below, or any README.txt under conf/ would count).

/** The TextDocumentFilter shape of LSP (vscode-languageserver-protocol), with a pattern relative to a folder. */
export interface ConfigDocumentFilter {
  readonly scheme: 'file';
  readonly language: string;
  readonly pattern: { readonly baseUri: string; readonly pattern: string };
}

export const configLanguages: readonly string[] = ['yaml', 'json', 'jsonc', 'toml', 'python'];

const languagesByExtension: Readonly<Record<string, readonly string[]>> = {
  yaml: ['yaml'],
  yml: ['yaml'],
  json: ['json', 'jsonc'],
  jsonc: ['jsonc'],
  toml: ['toml', 'plaintext'],
  py: ['python'],
};

/** One filter per (glob, language) pair, in the order of the globs. */
export function configDocumentSelector(folderUri: string, include: readonly string[]): ConfigDocumentFilter[] {
  return include.flatMap((glob) => languagesOfGlob(glob).map((language) => ({
    scheme: 'file' as const, language, pattern: { baseUri: folderUri, pattern: glob },
  })));
}

/**
 * The languages a file the glob matches can be in: from the extension its last segment ends with (`*.py`,
 * `*.{yaml,yml}`), else every config language. A glob naming only extensions the server cannot read gets none.
 */
export function languagesOfGlob(glob: string): readonly string[] {
  const extensions = extensionsOfGlob(glob);
  if (!extensions) return configLanguages;
  const languages = new Set<string>();
  for (const extension of extensions) for (const language of languagesByExtension[extension.toLowerCase()] ?? []) languages.add(language);
  return [...languages];
}

function extensionsOfGlob(glob: string): readonly string[] | undefined {
  const lastSegment = glob.slice(glob.lastIndexOf('/') + 1);
  const match = /\.(?:\{([A-Za-z0-9]+(?:,[A-Za-z0-9]+)*)\}|([A-Za-z0-9]+))$/.exec(lastSegment);
  if (!match) return undefined;
  return match[1] ? match[1].split(',') : [match[2]!];
}
