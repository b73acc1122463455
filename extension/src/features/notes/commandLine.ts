// The recorderCommand setting: a command line split into a program and its arguments the way a POSIX
// shell would split words (quotes and backslashes, nothing else: no variables, pipes or globs), so the
// recorder is spawned with an argument array and a path with spaces or quotes in it is never re-parsed.

export const outputPlaceholder = '{output}';

export type ParsedCommandLine =
  | { readonly ok: true; readonly words: string[] }
  | { readonly ok: false; readonly error: string };

export function parseCommandLine(text: string): ParsedCommandLine {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  let quoteStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      quoteStart = i;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: `the ${quote === '"' ? 'double' : 'single'} quote at column ${quoteStart + 1} is never closed` };
  if (inWord) words.push(word);
  if (words.length === 0) return { ok: false, error: 'it is empty' };
  return { ok: true, words };
}

/** Every `{output}` inside every argument becomes the WAV path; a command without one gets the path last. */
export function withOutput(args: readonly string[], output: string): string[] {
  if (!args.some((arg) => arg.includes(outputPlaceholder))) return [...args, output];
  return args.map((arg) => arg.split(outputPlaceholder).join(output));
}
