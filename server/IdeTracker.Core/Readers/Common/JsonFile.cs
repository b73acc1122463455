using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Loads a JSON file Python wrote, whole but capped in size, and parses it with located problems.</summary>
internal static class JsonFile
{
    /// <summary>Nesting System.Text.Json accepts before it calls the file damaged; readers bound their own walks lower.</summary>
    public const int MaxDepth = 128;

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>The file's bytes ready for System.Text.Json (<see cref="PythonJson.Prepare"/>), or null with a problem
    /// when it is missing, unreadable or larger than <paramref name="maxBytes"/>. Bytes that are not UTF-8 are
    /// replaced (with a warning) so that reading strings later cannot fail.</summary>
    public static ReadOnlyMemory<byte>? ReadBytes(string path, long maxBytes, List<Problem> problems)
    {
        byte[] bytes;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var size = RandomAccess.GetLength(handle);
            if (size > maxBytes)
            {
                problems.Add(new Problem(path, 0,
                    $"is {ByteSizeText.Of(size)}, larger than the {ByteSizeText.OfLimit(maxBytes)} this file may have; not read"));
                return null;
            }

            bytes = new byte[size];
            var total = FileBytes.ReadFully(handle, bytes, 0);

            if (total < bytes.Length)
            {
                Array.Resize(ref bytes, total);
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return null;
        }

        if (!Utf8.IsValid(bytes))
        {
            problems.Add(new Problem(path, 0, "is not valid UTF-8; undecodable bytes are read as \uFFFD", ProblemSeverity.Warning));
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
        }

        return PythonJson.Prepare(bytes);
    }

    /// <summary>The parsed file, or null with a problem (located at the line System.Text.Json stopped on).</summary>
    public static JsonText? Parse(string path, long maxBytes, List<Problem> problems)
    {
        if (ReadBytes(path, maxBytes, problems) is not { } bytes)
        {
            return null;
        }

        try
        {
            return new JsonText(bytes, JsonDocument.Parse(bytes, DocumentOptions));
        }
        catch (JsonException e)
        {
            problems.Add(ProblemOf(path, e, bytes.Length));
            return null;
        }
    }

    /// <summary>A parse error in words a user can act on: an empty or cut-off file says so.</summary>
    public static Problem ProblemOf(string path, JsonException e, int length)
    {
        if (length == 0)
        {
            return new Problem(path, 0, "is empty");
        }

        var reason = PythonJson.ReasonOf(e);
        var cutOff = reason.Contains("reached end of data", StringComparison.Ordinal) || reason.Contains("open JSON", StringComparison.Ordinal);
        return new Problem(path, PythonJson.LineOf(e),
            cutOff ? "ends before its JSON does (cut off, or still being written)" : "is not valid JSON: " + reason);
    }
}
