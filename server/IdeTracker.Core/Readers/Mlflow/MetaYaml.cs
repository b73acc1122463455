using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>The flat <c>key: value</c> mapping MLflow writes as meta.yaml. A line-based parser rather than
/// a YAML library: it is on the hot path (two files per run) and must shrug off truncated or binary files,
/// keeping every line it understands and counting the ones it does not.</summary>
internal sealed class MetaYaml
{
    private readonly Dictionary<string, MetaYamlEntry> entries;

    private MetaYaml(Dictionary<string, MetaYamlEntry> entries, int firstBadLine, int badLineCount)
    {
        this.entries = entries;
        FirstBadLine = firstBadLine;
        BadLineCount = badLineCount;
    }

    /// <summary>1-based line of the first line that is not part of a <c>key: value</c> entry; 0 if none.</summary>
    public int FirstBadLine { get; }

    public int BadLineCount { get; }

    public bool TryGet(string key, out MetaYamlEntry entry) => entries.TryGetValue(key, out entry);

    public string? Text(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public static MetaYaml Parse(string text)
    {
        var parser = new Parser();
        var lineNumber = 0;
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            parser.Line(line.TrimEnd('\r'), ++lineNumber);
        }

        parser.Flush();
        return new MetaYaml(parser.Entries, parser.FirstBadLine, parser.BadLineCount);
    }

    private sealed class Parser
    {
        private string? key;
        private int keyLine;
        private string first = "";
        private List<string>? continuation;

        public Dictionary<string, MetaYamlEntry> Entries { get; } = new(20, StringComparer.Ordinal);

        public int FirstBadLine { get; private set; }

        public int BadLineCount { get; private set; }

        public void Line(ReadOnlySpan<char> line, int number)
        {
            if (line.IsWhiteSpace() || line[0] == '#')
            {
                return;
            }

            if (line.Contains('\0'))
            {
                Bad(number);
                return;
            }

            if (line is "---" or "...")
            {
                Flush();
                return;
            }

            // Indented lines continue a long value PyYAML folded; "- " lines are items of a list value.
            if (line[0] is ' ' or '\t' || (line[0] == '-' && (line.Length == 1 || line[1] == ' ')))
            {
                if (key is null)
                {
                    Bad(number);
                }
                else
                {
                    (continuation ??= []).Add(line.Trim().ToString());
                }

                return;
            }

            var colon = KeyColon(line);
            Flush();
            if (colon <= 0)
            {
                Bad(number);
                return;
            }

            key = KnownKeys.Intern(Unquote(line[..colon].Trim()));
            keyLine = number;
            first = line[(colon + 1)..].Trim().ToString();
        }

        public void Flush()
        {
            if (key is null)
            {
                return;
            }

            var value = YamlScalar.Decode(first, continuation, out var complete);
            if (!complete)
            {
                Bad(keyLine);
            }

            Entries[key] = new MetaYamlEntry(value, keyLine);
            key = null;
            continuation = null;
        }

        private void Bad(int number)
        {
            if (FirstBadLine == 0)
            {
                FirstBadLine = number;
            }

            BadLineCount++;
        }

        /// <summary>The colon that ends a key: the first one followed by a space or the end of the line.</summary>
        private static int KeyColon(ReadOnlySpan<char> line)
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == ':' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t'))
                {
                    return i;
                }
            }

            return -1;
        }

        private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> key) =>
            key.Length >= 2 && key[0] is '\'' or '"' && key[^1] == key[0] ? key[1..^1] : key;
    }
}
