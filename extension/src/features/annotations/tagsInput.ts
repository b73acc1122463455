// Tags as a person types them in one input box: "#baseline, seed sweep" or "baseline sweep". Commas separate
// tags when there are any (so a tag may hold spaces); otherwise whitespace does. A leading '#' is dropped, as the
// server does, and each tag is kept once, in the order typed.

export function parseTags(text: string): string[] {
  const parts = text.includes(',') ? text.split(',') : text.split(/\s+/);
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.trim().replace(/^#+/, '').trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** The text an input box starts with, which parseTags reads back as the same tags. */
export function formatTags(tags: readonly string[]): string {
  return tags.some((tag) => /\s/.test(tag)) ? tags.join(', ') : tags.join(' ');
}
