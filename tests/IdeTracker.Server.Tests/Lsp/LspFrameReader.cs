using System.Text;
using System.Text.Json;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>Splits raw bytes into LSP frames (headers, blank line, Content-Length bytes of JSON) and fails on
/// anything else: a stray line on stdout is exactly what this must catch.</summary>
public static class LspFrameReader
{
    public static IReadOnlyList<JsonDocument> ReadAll(byte[] bytes)
    {
        var frames = new List<JsonDocument>();
        var position = 0;
        while (position < bytes.Length)
        {
            var headerEnd = IndexOf(bytes, "\r\n\r\n"u8, position);
            if (headerEnd < 0)
            {
                throw new FormatException($"bytes at {position} are not an LSP header: {Preview(bytes, position)}");
            }

            var headers = Encoding.ASCII.GetString(bytes, position, headerEnd - position).Split("\r\n");
            int? length = null;
            foreach (var header in headers)
            {
                var colon = header.IndexOf(':');
                if (colon <= 0)
                {
                    throw new FormatException($"not an LSP header line at {position}: {header}");
                }

                var name = header[..colon].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"unexpected header '{name}' at {position}");
                }
            }

            if (length is null)
            {
                throw new FormatException($"no Content-Length at {position}");
            }

            var bodyStart = headerEnd + 4;
            if (bodyStart + length > bytes.Length)
            {
                throw new FormatException($"frame at {position} is cut short");
            }

            frames.Add(JsonDocument.Parse(bytes.AsMemory(bodyStart, length.Value)));
            position = bodyStart + length.Value;
        }

        return frames;
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> pattern, int from)
    {
        var found = bytes.AsSpan(from).IndexOf(pattern);
        return found < 0 ? -1 : from + found;
    }

    private static string Preview(byte[] bytes, int position) =>
        Encoding.UTF8.GetString(bytes, position, Math.Min(80, bytes.Length - position));
}
