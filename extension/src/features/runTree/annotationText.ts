// Reading what a user types for tags: "baseline, lr-sweep  #fast" → ["baseline", "fast", "lr-sweep"].

/** Tags split on commas and spaces, a leading '#' dropped, duplicates removed, sorted. */
export function parseTags(text: string): string[] {
  const tags = text.split(/[,\s]+/).map((t) => t.replace(/^#+/, '').trim()).filter((t) => t !== '');
  return [...new Set(tags)].sort((a, b) => a.localeCompare(b));
}

/** Problems with a tag list, for the input box: tags are short words, not sentences. */
export function tagProblem(text: string): string | undefined {
  const tooLong = parseTags(text).find((t) => Array.from(t).length > 64);
  return tooLong ? `The tag "${tooLong.slice(0, 20)}…" is longer than 64 characters.` : undefined;
}
