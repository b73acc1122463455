// VS Code's glob rules for what our patterns use, for tests that check a pattern against paths relative to the
// workspace folder: `**` spans any folders (dot folders too, unlike node's matchesGlob), `*` stays within a name
// (and matches a leading dot), `{a,b}` is either.

export function matchesGlob(path: string, glob: string): boolean {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) { source += '(?:.*/)?'; i += 2; }
    else if (glob.startsWith('/**', i) && (i + 3 === glob.length || glob[i + 3] === ',' || glob[i + 3] === '}')) { source += '(?:/.*)?'; i += 2; }
    else if (c === '*') source += '[^/]*';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(path);
}
