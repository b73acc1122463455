using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

/// <summary>The faster plans select exactly what the plain ones do: an all-runs sort by a param or metric that
/// reads its value index up to the page's bound, against the same sort over every run; and text equality
/// reads its value's runs off the case-blind index.</summary>
public sealed class IndexStoreQueryPlanTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(TestRuns.StartMs) + TimeSpan.FromDays(60);
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;
    private readonly int runs;

    public IndexStoreQueryPlanTests()
    {
        store = TestRuns.OpenStore(temp);
        // Ties in lr and in val_acc, some at one start time, a text lr, a NaN and runs without either key.
        (string Lr, double? ValAcc, int? DaysAgo)[] rows =
        [
            ("0.01", 0.9, 1), ("0.01", 0.9, 2), ("1e-3", 0.8, 2), ("0.001", 0.9, null), ("0.1", double.NaN, 3),
            ("auto", 0.7, 4), ("", null, 5), ("0.01", 0.8, 2), ("0.5", 0.95, 6), ("-1", null, 7),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            var (lr, valAcc, daysAgo) = rows[i];
            var nativeId = ((char)('a' + i)).ToString();
            var unit = TestRuns.Unit(store.WorkspaceRoot, nativeId);
            var start = daysAgo is { } days ? Now - TimeSpan.FromDays(days) : (DateTimeOffset?)null;
            var run = new Run
            {
                Id = RunIds.Make("mlflow", "mlruns", nativeId),
                Source = "mlflow",
                NativeId = nativeId,
                StorePath = unit.StorePath,
                Experiment = "e",
                Name = "run-" + nativeId,
                Status = RunStatus.Finished,
                StartTime = start,
                Directory = unit.Path,
            };
            if (lr.Length > 0)
            {
                run.Params["lr"] = lr;
            }

            if (valAcc is { } value)
            {
                run.Metrics["val_acc"] = [new MetricPoint(0, TestRuns.StartMs, value)];
            }

            store.WriteUnits([(unit, TestRuns.Result(run))]);
        }

        runs = rows.Length;
    }

    [Theory]
    [InlineData("lr")]
    [InlineData("-lr")]
    [InlineData("val_acc")]
    [InlineData("-val_acc")]
    public void A_page_of_all_runs_sorted_by_a_value_is_the_slice_of_the_whole_sort(string sort)
    {
        // A page reaching past the runs holding a value sorts every run; so does this one.
        var whole = store.QueryRuns(null, sort, 0, 100, null, Now).Items.Select(r => r.Name).ToList();
        Assert.Equal(runs, whole.Count);

        for (var offset = 0; offset < runs; offset++)
        {
            for (var limit = 1; offset + limit <= runs; limit++)
            {
                var page = store.QueryRuns(null, sort, offset, limit, null, Now);

                Assert.Equal(runs, page.Total);
                Assert.Equal(whole.Skip(offset).Take(limit), page.Items.Select(r => r.Name));
            }
        }
    }

    [Fact]
    public void Ties_at_the_page_s_bound_are_ordered_as_in_the_whole_sort()
    {
        var whole = store.QueryRuns(null, "lr", 0, 100, null, Now).Items.Select(r => r.Name).ToList();

        // -1; 0.001 and 1e-3 (equal numbers: by text); the three 0.01 runs newest first, b and h (started
        // together) by row key. The page ending at h must not lose it to the bound.
        Assert.Equal(["run-j", "run-d", "run-c", "run-a", "run-b", "run-h"], whole.Take(6));
        Assert.Equal(["run-b", "run-h"], store.QueryRuns(null, "lr", 4, 2, null, Now).Items.Select(r => r.Name));
    }

    [Theory]
    [InlineData("lr = AUTO")]
    [InlineData("lr = AUTO or lr = none")]
    [InlineData("lr in (none, Auto)")]
    public void Text_equality_seeks_its_values_in_the_case_blind_index(string text)
    {
        var filter = store.CompileFilter(text, Now);
        using var connection = TestRuns.OpenRaw(store.DatabasePath);
        using var command = connection.CreateCommand();
        filter.Bind(command);
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT r.run FROM runs r WHERE {filter.Sql}";
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("params_key_text (key=? AND text=?)", StringComparison.Ordinal));
        Assert.Equal(["run-f"], store.QueryRuns(text, null, 0, 10, null, Now).Items.Select(r => r.Name));
    }

    [Theory]
    [InlineData("lr < 1 and not val_acc = 0.9", "run-c run-e run-h run-i run-j")]
    [InlineData("val_acc >= 0 and not lr = 0.01", "run-c run-d run-f run-i")]
    [InlineData("lr < 1 and not lr = 0.01", "run-c run-d run-e run-i run-j")]
    [InlineData("lr < 1 and not (val_acc = 0.9 or lr = -1)", "run-c run-e run-h run-i")]
    public void A_negated_comparison_beside_a_driving_list_is_a_list_of_its_own(string filter, string names)
    {
        var compiled = store.CompileFilter(filter, Now);

        Assert.Equal(names.Split(' '), store.QueryRuns(filter, "name", 0, 100, null, Now).Items.Select(r => r.Name));
        Assert.Equal(filter.Contains('(', StringComparison.Ordinal), compiled.Sql.Contains("EXISTS (", StringComparison.Ordinal));
        Assert.Equal(!filter.Contains('(', StringComparison.Ordinal), compiled.Sql.Contains("NOT (r.run IN (SELECT", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }
}
