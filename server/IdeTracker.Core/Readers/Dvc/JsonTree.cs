using System.Text;
using System.Text.Json;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Builds a <see cref="DataNode"/> tree from a JSON text. Python's json module (DVCLive's writer)
/// writes NaN, Infinity and -Infinity as bare words, which strict JSON parsers refuse; they are read as the
/// numbers they stand for.</summary>
internal static class JsonTree
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
    };

    // A bare NaN becomes this string before parsing: a NUL cannot appear raw in a JSON string, so no real
    // string decodes to it.
    private const string Marker = "\0";

    public static DataNode? Parse(string path, string text, List<Problem> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(QuoteNamedNumbers(text), Options);
            var budget = YamlTree.MaxNodes;
            var root = Convert(document.RootElement, ref budget);
            if (budget < 0)
            {
                problems.Add(new Problem(path, 0, $"more than {YamlTree.MaxNodes:N0} values; the rest are not read", ProblemSeverity.Warning));
            }

            return root;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n && n < int.MaxValue ? (int)n + 1 : 0;
            problems.Add(new Problem(path, line, "not valid JSON: " + FirstSentence(e.Message)));
            return null;
        }
    }

    private static DataNode Convert(JsonElement element, ref int budget)
    {
        budget--;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var mapping = DataNode.Mapping(0);
                foreach (var property in element.EnumerateObject())
                {
                    if (budget < 0)
                    {
                        break;
                    }

                    mapping.Entries.Add(new(property.Name, Convert(property.Value, ref budget)));
                }

                return mapping;
            case JsonValueKind.Array:
                var sequence = DataNode.Sequence(0);
                foreach (var item in element.EnumerateArray())
                {
                    if (budget < 0)
                    {
                        break;
                    }

                    sequence.Items.Add(Convert(item, ref budget));
                }

                return sequence;
            case JsonValueKind.String:
                var text = element.GetString()!;
                return text.StartsWith(Marker, StringComparison.Ordinal)
                    ? DataNode.Scalar(text[Marker.Length..], false, 0)
                    : DataNode.Scalar(text, true, 0);
            case JsonValueKind.Null:
                return DataNode.Scalar("null", false, 0);
            default:
                return DataNode.Scalar(element.GetRawText(), false, 0);
        }
    }

    /// <summary>Wraps the bare words NaN, Infinity and -Infinity outside strings in quotes with a marker, so
    /// a strict parser takes them and <see cref="Convert"/> turns them back into unquoted numbers. Lines do
    /// not move, so parse errors still point at the right line.</summary>
    private static string QuoteNamedNumbers(string text)
    {
        if (!text.Contains("NaN", StringComparison.Ordinal) && !text.Contains("Infinity", StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 16);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                output.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    output.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                output.Append(c);
                continue;
            }

            var word = NamedNumberAt(text, i);
            if (word is null)
            {
                output.Append(c);
                continue;
            }

            output.Append("\"\\u0000").Append(word).Append('"');
            i += word.Length - 1;
        }

        return output.ToString();
    }

    private static string? NamedNumberAt(string text, int i)
    {
        foreach (var word in (string[])["NaN", "Infinity", "-Infinity"])
        {
            if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                && (i + word.Length == text.Length || !char.IsLetterOrDigit(text[i + word.Length])))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>System.Text.Json appends " Path: $.x | LineNumber: 3 | BytePositionInLine: 7."; the problem
    /// carries the line itself.</summary>
    private static string FirstSentence(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        at = at < 0 ? message.IndexOf(" LineNumber: ", StringComparison.Ordinal) : at;
        return at < 0 ? message : message[..at];
    }
}
