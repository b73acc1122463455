using System.Text;
using IdeTracker.Core.Model;
using YamlDotNet.Core;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Reads hparams.yaml into flattened params. Whatever is wrong with the file becomes one problem;
/// the params read before the fault are kept.</summary>
internal static class YamlParamsFile
{
    public const long MaxBytes = 16L * 1024 * 1024;

    public static void Read(string path, Dictionary<string, string> into, List<Problem> problems)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxBytes)
            {
                problems.Add(new Problem(path, 0, $"not read: the file is {stream.Length / (1024 * 1024):N0} MiB, over the {MaxBytes / (1024 * 1024)} MiB limit"));
                return;
            }

            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Read(path, reader, into, problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(path, 0, "cannot be read: " + ex.Message));
        }
    }

    /// <summary>The same from text already in memory (a file in a git commit); problems point at <paramref name="path"/>.</summary>
    public static void ReadText(string path, string text, Dictionary<string, string> into, List<Problem> problems) =>
        Read(path, new StringReader(text), into, problems);

    private static void Read(string path, TextReader reader, Dictionary<string, string> into, List<Problem> problems)
    {
        var flattener = new YamlFlattener(into);
        try
        {
            if (flattener.Run(new Parser(reader)) is { } message)
            {
                problems.Add(new Problem(path, 0, message, ProblemSeverity.Warning));
            }
        }
        catch (YamlException ex)
        {
            problems.Add(new Problem(path, LineOf(ex.Start.Line), "not valid YAML: " + WithoutPosition(ex.Message)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(path, 0, "cannot be read: " + ex.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // YamlDotNet's scanner also throws InvalidOperationException and others on some malformed input;
            // it is still a fault in the file, located as near as the events read so far allow.
            problems.Add(new Problem(path, LineOf(flattener.LastLine), "not valid YAML after this line: " + ex.Message));
        }
    }

    private static int LineOf(long line) => line is > 0 and <= int.MaxValue ? (int)line : 0;

    /// <summary>YamlDotNet prefixes its messages with "(Line: …) - (Line: …): "; the problem carries the line itself.</summary>
    private static string WithoutPosition(string message)
    {
        const string separator = "): ";
        var at = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf(separator, StringComparison.Ordinal) : -1;
        return at < 0 ? message : message[(at + separator.Length)..];
    }
}
