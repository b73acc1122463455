using System.Globalization;
using System.Text.Json;

namespace IdeTracker.Core.Readers.Common;

/// <summary>JSON as Python's json module writes it. Python writes float('nan') and the infinities as the bare
/// words NaN, Infinity and -Infinity, which JSON does not allow: System.Text.Json rejects them, and its
/// <c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c> only accepts them quoted ("NaN"). So the bytes are
/// rewritten first with those words quoted, and a number is read as either a JSON number or one of those three
/// strings. A real string "NaN" in the file is then read as NaN where a number is expected, which is what it
/// means anyway; where text is expected it stays the text "NaN" either way.</summary>
internal static class PythonJson
{
    private static ReadOnlySpan<byte> NaNWord => "NaN"u8;

    private static ReadOnlySpan<byte> InfinityWord => "Infinity"u8;

    /// <summary>The bytes with a leading UTF-8 byte order mark dropped and every bare NaN, Infinity and -Infinity
    /// outside strings quoted. Returns <paramref name="json"/> itself when there is nothing to change. Lines
    /// stay where they were, so a parse error's line number points into the original file.</summary>
    public static ReadOnlyMemory<byte> Prepare(ReadOnlyMemory<byte> json)
    {
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var source = json.Span;
        var extra = 0;
        for (var at = FindNext(source, 0, out var length); at >= 0; at = FindNext(source, at + length, out length))
        {
            extra += 2;
        }

        if (extra == 0)
        {
            return json;
        }

        var output = new byte[source.Length + extra];
        var written = 0;
        var copied = 0;
        for (var at = FindNext(source, 0, out var length); at >= 0; at = FindNext(source, at + length, out length))
        {
            source[copied..at].CopyTo(output.AsSpan(written));
            written += at - copied;
            output[written++] = (byte)'"';
            source.Slice(at, length).CopyTo(output.AsSpan(written));
            written += length;
            output[written++] = (byte)'"';
            copied = at + length;
        }

        source[copied..].CopyTo(output.AsSpan(written));
        return output;
    }

    /// <summary>False when <see cref="Prepare"/> would return the bytes unchanged, so they can be parsed as they are.</summary>
    public static bool NeedsPreparing(ReadOnlySpan<byte> json) =>
        json.StartsWith("\uFEFF"u8) || FindNext(json, 0, out _) >= 0;

    /// <summary>A JSON number, or a named number Python wrote (quoted by <see cref="Prepare"/>).</summary>
    public static bool TryGetNumber(JsonElement element, out double value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDouble(out value);
            case JsonValueKind.String:
                return TryNamedNumber(element.GetString(), out value);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The same for the token a reader is on.</summary>
    public static bool TryGetNumber(ref Utf8JsonReader reader, out double value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out value);
            case JsonTokenType.String:
                return TryNamedNumber(reader.GetString(), out value);
            default:
                value = 0;
                return false;
        }
    }

    public static bool TryNamedNumber(string? text, out double value)
    {
        value = text switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return text is "NaN" or "Infinity" or "-Infinity";
    }

    /// <summary>How a number is shown as text: as Python would print it for the named ones.</summary>
    public static string Text(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>1-based line of a parse error, 0 when unknown.</summary>
    public static int LineOf(JsonException error) =>
        error.LineNumber is { } line && line >= 0 && line < int.MaxValue ? (int)line + 1 : 0;

    /// <summary>The reason from a System.Text.Json error message, without the "LineNumber: … |
    /// BytePositionInLine: …" and "Path: …" the problem carries in its own way.</summary>
    public static string ReasonOf(JsonException error)
    {
        var message = error.Message;
        foreach (var marker in (string[])[" Path: ", " LineNumber: "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
    }

    /// <summary>Where the next bare named number outside strings starts at or after <paramref name="from"/>
    /// (which is outside any string), and its length; -1 when there is none.</summary>
    private static int FindNext(ReadOnlySpan<byte> json, int from, out int length)
    {
        var inString = false;
        for (var i = from; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b == (byte)'N' && json[i..].StartsWith(NaNWord))
            {
                length = NaNWord.Length;
                return i;
            }
            else if (b == (byte)'I' && json[i..].StartsWith(InfinityWord))
            {
                length = InfinityWord.Length;
                return i;
            }
            else if (b == (byte)'-' && json[(i + 1)..].StartsWith(InfinityWord))
            {
                length = InfinityWord.Length + 1;
                return i;
            }
        }

        length = 0;
        return -1;
    }
}
