using System.Text;
using System.Text.RegularExpressions;
using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>"Plots": the main metric's curves of the linked runs and, when they log one, a loss curve, rendered by
/// <see cref="MetricPlot"/> into the note's folder (temp file, then rename) and embedded by relative link. A run
/// without a history of the metric gets a line saying so instead of a line on the plot.</summary>
internal static partial class PlotsSection
{
    public static IReadOnlyList<string> Write(StringBuilder markdown, IndexStore store, IReadOnlyList<RunDetailsRow> runs, MetricChoice? main, string noteFolder)
    {
        markdown.AppendLine("## Plots").AppendLine();
        var keys = new List<string>();
        if (main is not null && runs.Any(r => r.Metrics.ContainsKey(main.Key)))
        {
            keys.Add(main.Key);
        }

        if (LossKey(runs, main?.Key) is { } loss)
        {
            keys.Add(loss);
        }

        if (keys.Count == 0)
        {
            markdown.AppendLine(main is null ? "No plot: there is no main metric and no loss to draw." : $"No plot: no linked run logged {MarkdownText.Code(main.Key)}.").AppendLine();
            return [];
        }

        var names = new PlotFileNames();
        var written = new List<string>();
        foreach (var key in keys)
        {
            var curves = new List<MetricCurve>();
            var missing = new List<string>();
            foreach (var run in runs)
            {
                var points = store.GetSeries(run.Run.Id, key);
                if (points.Count == 0)
                {
                    missing.Add(run.Run.Name);
                }
                else
                {
                    curves.Add(new MetricCurve(run.Run.Name, points));
                }
            }

            if (curves.Count > 0)
            {
                var file = Path.Combine(noteFolder, names.For(key));
                try
                {
                    WriteAtomically(file, MetricPlot.RenderPng(key, curves));
                    written.Add(file);
                    markdown.AppendLine($"![{MarkdownText.EscapeForEditing(key)}](./{Path.GetFileName(file)})").AppendLine();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException)
                {
                    // The draft is still worth having without its picture: say why it is missing.
                    markdown.AppendLine($"No plot of {MarkdownText.Code(key)}: {MarkdownText.EscapeForEditing(file)} could not be written ({MarkdownText.EscapeForEditing(e.Message)}).").AppendLine();
                }
            }

            foreach (var name in missing)
            {
                markdown.AppendLine($"No plot of {MarkdownText.Code(key)} for **{MarkdownText.EscapeForEditing(name)}**: the index holds no history of it for this run.").AppendLine();
            }
        }

        return written;
    }

    /// <summary>A loss the runs log other than the main metric: held-out (val/test/eval) first, then plain, then training.</summary>
    private static string? LossKey(IReadOnlyList<RunDetailsRow> runs, string? mainKey) =>
        runs.SelectMany(r => r.Metrics.Keys)
            .Distinct(StringComparer.Ordinal)
            .Where(k => k != mainKey && LossWord().IsMatch(k))
            .OrderBy(k => HeldOutWord().IsMatch(k) ? 0 : TrainingWord().IsMatch(k) ? 2 : 1)
            .ThenBy(k => k.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .FirstOrDefault();

    private static void WriteAtomically(string file, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [GeneratedRegex(@"(?<![a-z])loss(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex LossWord();

    [GeneratedRegex(@"(?<![a-z])(val|valid|validation|test|eval)(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex HeldOutWord();

    [GeneratedRegex(@"(?<![a-z])(train|training)(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex TrainingWord();
}
