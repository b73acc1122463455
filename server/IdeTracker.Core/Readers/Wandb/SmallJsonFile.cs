using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Reads one of the small JSON files W&amp;B keeps in files/ (summary, metadata) with the size cap of
/// <see cref="TextFile"/>; a file that is not JSON is a problem on the line where it goes wrong.</summary>
internal static class SmallJsonFile
{
    public static JsonValue? Read(string path, long size, List<Problem> problems)
    {
        if (TextFile.Read(path, size, problems) is not { } text)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (LenientJson.Parse(bytes, out var error, out var errorOffset) is { } value)
        {
            return value;
        }

        problems.Add(new Problem(path, LineAt(bytes, errorOffset), $"not valid JSON: {error}; not read"));
        return null;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) =>
        bytes[..Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n') + 1;
}
