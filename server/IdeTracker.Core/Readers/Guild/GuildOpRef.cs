using System.Text;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>The .guild/opref file: <c>PKG_TYPE:PKG_NAME PKG_VERSION MODEL_NAME OP_NAME</c>, shell-quoted
/// (an empty part is written <c>''</c>), e.g. <c>test: '' mnist train</c>.</summary>
internal static class GuildOpRef
{
    /// <summary>The operation as Guild shows it: <c>model:op</c>, or just <c>op</c> without a model; null
    /// when the text is not an opref.</summary>
    public static string? OperationOf(string text)
    {
        var parts = Split(text.Trim());
        if (parts is not { Count: 4 } || !parts[0].Contains(':') || parts[3].Length == 0)
        {
            return null;
        }

        return parts[2].Length > 0 ? parts[2] + ":" + parts[3] : parts[3];
    }

    /// <summary>Words split at blanks, with '…' and "…" quoting; null for an unclosed quote.</summary>
    private static List<string>? Split(string text)
    {
        var parts = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    parts.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return null;
                }

                word.Append(text, i + 1, end - i - 1);
                i = end;
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            parts.Add(word.ToString());
        }

        return parts;
    }
}
