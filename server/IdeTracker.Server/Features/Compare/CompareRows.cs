using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Compare;

/// <summary>The params and environment tables of a comparison: one row per key any run has, one value per
/// run (null where it has none), <c>differs</c> when any two runs disagree — a run without the key
/// disagrees with one that has it, and numbers compare as numbers (<c>0.001</c> = <c>1e-3</c>).</summary>
public static class CompareRows
{
    public const string GitCommit = "git.commit";
    public const string GitDirty = "git.dirty";
    public const string PackagePrefix = "package.";
    public const string EnvironmentPrefix = "env.";

    /// <summary>The union of the runs' param keys, in natural order (<c>layer2</c> before <c>layer10</c>).</summary>
    public static IReadOnlyList<CompareRow> Params(IReadOnlyList<RunDetailsRow> runs) =>
        Rows(runs.Select(r => r.Params).ToList(), string.Empty);

    /// <summary>git.commit and git.dirty (when any run records them), then package.&lt;name&gt;, then env.&lt;key&gt;.</summary>
    public static IReadOnlyList<CompareRow> Environment(IReadOnlyList<RunDetailsRow> runs)
    {
        var rows = new List<CompareRow>();
        AddIfAny(rows, GitCommit, [.. runs.Select(r => r.GitCommit)]);
        AddIfAny(rows, GitDirty, [.. runs.Select(r => r.GitDirty is { } dirty ? (dirty ? "true" : "false") : null)]);
        rows.AddRange(Rows(runs.Select(r => r.Packages).ToList(), PackagePrefix));
        rows.AddRange(Rows(runs.Select(r => r.Environment).ToList(), EnvironmentPrefix));
        return rows;
    }

    public static bool Differs(IReadOnlyList<string?> values) =>
        values.Count > 1 && values.Skip(1).Any(v => !ParamValues.Same(values[0], v));

    private static List<CompareRow> Rows(List<IReadOnlyDictionary<string, string>> perRun, string prefix) =>
        perRun.SelectMany(d => d.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(NaturalStringComparer.Instance)
            .Select(key =>
            {
                string?[] values = [.. perRun.Select(d => d.TryGetValue(key, out var v) ? v : null)];
                return new CompareRow(prefix + key, values, Differs(values));
            })
            .ToList();

    private static void AddIfAny(List<CompareRow> rows, string key, string?[] values)
    {
        if (values.Any(v => v is not null))
        {
            rows.Add(new CompareRow(key, values, Differs(values)));
        }
    }
}
