using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IdeTracker.Core.Index;
using IdeTracker.Core.Queries;
using IdeTracker.Core.Tests.Index;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Queries;

/// <summary>Whatever is typed into a filter box, the index answers with runs or with a located error — never
/// with anything else (an SQL error, a crash, a position outside the text).</summary>
public sealed class FilterFuzzTests : IDisposable
{
    private static readonly string[] Fragments =
    [
        "lr", "val_acc", "optimizer", "params.lr", "metrics.val_acc", "params.", "name", "commit", "note", "status",
        "status:", "source:", "tag:", "since:", "before:", "color:", "7d", "2026-11-01", "finished", "mlflow", "k=v",
        "adam", "'a b'", "\"x\\\"y\"", "'", "\"", "0.01", "-2", "1e-3", ".5", "1e999", "3a5f",
        "and", "or", "not", "in", "AND", "starred", "(", ")", ",", "=", "!=", "<", "<=", ">", ">=", "~", "!~", "!",
        "'(a'", "'[x'", "'^r.*'", " ", " ", " ", "#", "\\", "\t", "é", "%", "_",
    ];

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(TestRuns.StartMs);
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;

    public FilterFuzzTests()
    {
        store = TestRuns.OpenStore(temp);
        var ws = store.WorkspaceRoot;
        store.WriteUnits([.. Enumerable.Range(0, 3).Select(i => TestRuns.OneRun(ws, $"r{i}", startOffsetMs: i * 1000))]);
    }

    [Property(MaxTest = 400)]
    public Property Any_filter_text_selects_runs_or_fails_with_an_error_located_inside_it()
    {
        var texts = Gen.ArrayOf(Gen.Elements(Fragments)).Select(string.Concat).ToArbitrary();
        return Prop.ForAll(texts, text => Answers(text, sort: null));
    }

    [Property(MaxTest = 200)]
    public Property Any_sort_text_sorts_or_fails_with_an_error_located_inside_it()
    {
        var texts = Gen.ArrayOf(Gen.Elements(["-", "+", "lr", "val_acc", "start", "name", "params.lr", "metrics.", " ", "x", "(", "'q'", "1"]))
            .Select(string.Concat).ToArbitrary();
        return Prop.ForAll(texts, text => Answers(null, sort: text));
    }

    private bool Answers(string? filter, string? sort)
    {
        try
        {
            var page = store.QueryRuns(filter, sort, 0, 10, "val_acc", Now);
            return page.Total >= page.Items.Count;
        }
        catch (FilterException e)
        {
            var text = (e.Field == "sort" ? sort : filter) ?? "";
            return e.Position >= 0 && e.Position <= text.Length && e.Length >= 1 && e.Position + e.Length <= text.Length + 1
                && e.Message.StartsWith($"column {e.Position + 1}: ", StringComparison.Ordinal)
                && e.Field is "filter" or "sort";
        }
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }
}
