using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IdeTracker.Core.Configs;

namespace IdeTracker.Bench.Configs;

/// <summary>How long <see cref="ConfigParser.Parse"/> takes on a generated <see cref="Lines"/>-line file of each syntax,
/// as the server parses a document's whole text on open and on every change: <see cref="Repetitions"/> timed parses
/// after <see cref="WarmUps"/> warm-ups, in this process.</summary>
internal static class ConfigsBenchmark
{
    public const string Name = "configs";
    public const int Lines = 50_000;
    private const int Repetitions = 20;
    private const int WarmUps = 3;
    private const string Format = "{0,-10} {1,-8} {2,-22} {3,-16} {4,-10} {5,-10} {6,-10} {7}";

    /// <summary>Measures, prints the table and a JSON line. False when a parse did not give every entry written.</summary>
    public static bool Run(TextWriter output)
    {
        var results = new List<ConfigsSyntaxResult>();
        using var process = Process.GetCurrentProcess();
        foreach (var syntax in (ConfigSyntax[])[ConfigSyntax.Yaml, ConfigSyntax.Json, ConfigSyntax.Toml, ConfigSyntax.Python])
        {
            var text = ConfigFileGenerator.Generate(syntax, Lines);
            var entries = 0;
            for (var i = 0; i < WarmUps; i++)
            {
                entries = ConfigParser.Parse(text, syntax).Entries.Count;
            }

            GC.Collect();
            var times = new List<double>();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = new Stopwatch();
            for (var i = 0; i < Repetitions; i++)
            {
                clock.Restart();
                entries = ConfigParser.Parse(text, syntax).Entries.Count;
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            process.Refresh();
            var cpuMean = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / Repetitions;
            results.Add(new ConfigsSyntaxResult(syntax.ToString(), Lines, text.Length, entries, ConfigFileGenerator.ExpectedEntries(Lines),
                Percentile(times, 50), Percentile(times, 95), times.Max(), cpuMean));
        }

        var result = new ConfigsResult(Name, Repetitions, results);
        Print(output, result);
        output.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
        return result.AllRead;
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static void Print(TextWriter output, ConfigsResult r)
    {
        output.WriteLine();
        output.WriteLine($"{Name}: ConfigParser.Parse on a generated {Lines:N0}-line file of each syntax (text in memory, as an open document),");
        output.WriteLine($"{r.Repetitions} timed parses after {WarmUps} warm-ups, in this process. CPU mean is the process's CPU time per parse");
        output.WriteLine("(the garbage collector's threads included); on a shared machine wall-clock also includes waiting for a core.");
        output.WriteLine();
        Row(output, "scenario", "syntax", "file", "entries", "p50", "p95", "max", "CPU mean / verdict");
        Row(output, new string('-', 10), new string('-', 8), new string('-', 22), new string('-', 16), new string('-', 10), new string('-', 10), new string('-', 10), new string('-', 18));
        foreach (var s in r.Syntaxes)
        {
            var verdict = s.Syntax == "Yaml" ? $"; target p95 < {ConfigsResult.YamlTargetMs:N0} ms: {(s.P95Ms < ConfigsResult.YamlTargetMs ? "met" : "NOT met")}" : "";
            Row(output, Name, s.Syntax, $"{s.Lines:N0} lines, {s.Chars / 1024.0 / 1024.0:F1} M chars",
                s.AllRead ? $"{s.Entries:N0}" : $"{s.Entries:N0} of {s.ExpectedEntries:N0}!", Ms(s.P50Ms), Ms(s.P95Ms), Ms(s.MaxMs), Ms(s.CpuMeanMs) + verdict);
        }
    }

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static void Row(TextWriter output, params object?[] cells) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
