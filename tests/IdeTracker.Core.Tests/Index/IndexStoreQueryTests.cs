using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Queries;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

/// <summary>Compiled filters and sorts run against a real index file holding a handful of varied runs.</summary>
public sealed class IndexStoreQueryTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(TestRuns.StartMs) + TimeSpan.FromDays(60);
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;
    private readonly Dictionary<string, string> ids = [];

    public IndexStoreQueryTests()
    {
        store = TestRuns.OpenStore(temp);
        Write("a", "resnet-a", "vision", daysAgo: 1, status: RunStatus.Finished, user: "alice", commit: "3a5f9c0123", note: "first try",
            parameters: new() { ["lr"] = "0.001", ["optimizer"] = "adam", ["layers"] = "50" },
            metrics: new() { ["val_acc"] = 0.93, ["loss"] = 0.2 },
            tags: new() { ["baseline"] = "" });
        Write("b", "resnet-b", "vision", daysAgo: 3, status: RunStatus.Failed, user: "bob", commit: "ffee00",
            parameters: new() { ["lr"] = "1e-2", ["optimizer"] = "sgd", ["layers"] = "101" },
            metrics: new() { ["val_acc"] = 0.88, ["loss"] = 0.4 },
            tags: new() { ["team"] = "Vision" });
        Write("c", "vit-c", "vision", daysAgo: 10, status: RunStatus.Running, parent: "b",
            parameters: new() { ["lr"] = "0.1", ["optimizer"] = "Adam" },
            metrics: new() { ["val_acc"] = double.NaN, ["loss"] = 0.9 });
        Write("d", "bert-d", "nlp", daysAgo: null, status: RunStatus.Killed, note: "source note",
            parameters: new() { ["lr"] = "auto", ["optimizer"] = "adamw" },
            metrics: new() { ["loss"] = 0.5 });
        Write("e", "tmp-e", "nlp", daysAgo: 40, status: RunStatus.Finished, source: "wandb",
            parameters: new() { ["shared"] = "5" },
            metrics: new() { ["shared"] = 1, ["val_acc"] = 0.5 });
        Annotate("a", starred: true, note: null, "keeper");
        Annotate("b", starred: false, note: null, "Keeper", "team=vision");
        Annotate("d", starred: false, note: "user note");
    }

    [Theory]
    [InlineData("lr < 0.01", "resnet-a")]
    [InlineData("lr <= 0.01", "resnet-a resnet-b")]
    [InlineData("lr = 1e-3", "resnet-a")]
    [InlineData("lr = 0.010", "resnet-b")]
    [InlineData("lr > 0.001 and lr < 1", "resnet-b vit-c")]
    [InlineData("lr >= 0.1", "vit-c")]
    [InlineData("lr = auto", "bert-d")]
    [InlineData("params.lr = AUTO", "bert-d")]
    [InlineData("lr != 0.1", "resnet-a resnet-b bert-d")]
    [InlineData("layers > 60", "resnet-b")]
    public void Params_compare_as_numbers_when_the_literal_is_one_and_as_text_otherwise(string filter, string names) =>
        AssertSelects(filter, names);

    [Theory]
    [InlineData("optimizer = adam", "resnet-a vit-c")]
    [InlineData("optimizer = adam or optimizer = sgd", "resnet-a resnet-b vit-c")]
    [InlineData("optimizer in (sgd, adamw)", "resnet-b bert-d")]
    [InlineData("optimizer != adam", "resnet-b bert-d")]
    [InlineData("optimizer ~ '^adam'", "resnet-a vit-c bert-d")]
    [InlineData("optimizer ~ '(?-i)^adam'", "resnet-a bert-d")]
    [InlineData("optimizer !~ 'w$'", "resnet-a resnet-b vit-c")]
    public void Text_params_ignore_case_and_take_regexes(string filter, string names) => AssertSelects(filter, names);

    [Theory]
    [InlineData("val_acc > 0.9", "resnet-a")]
    [InlineData("metrics.val_acc >= 0.5", "resnet-a resnet-b tmp-e")]
    [InlineData("loss < 0.45 and val_acc < 0.9", "resnet-b")]
    // vit-c's last val_acc is NaN, which is unequal to every number.
    [InlineData("val_acc != 0.5", "resnet-a resnet-b vit-c")]
    [InlineData("shared = 1", "tmp-e")]
    [InlineData("shared = 5", "tmp-e")]
    [InlineData("metrics.shared = 5", "")]
    [InlineData("params.shared = 1", "")]
    public void Metrics_compare_their_last_value_and_a_name_that_is_both_matches_either(string filter, string names) =>
        AssertSelects(filter, names);

    [Theory]
    [InlineData("not val_acc > 0.9", "resnet-b vit-c bert-d tmp-e")]
    [InlineData("not lr = 0.1", "resnet-a resnet-b bert-d tmp-e")]
    [InlineData("not (optimizer = adam or status:killed)", "resnet-b tmp-e")]
    [InlineData("not user = alice", "resnet-b vit-c bert-d tmp-e")]
    [InlineData("not since:7d", "vit-c bert-d tmp-e")]
    public void Not_includes_the_runs_that_lack_what_is_compared(string filter, string names) => AssertSelects(filter, names);

    [Theory]
    [InlineData("name ~ resnet", "resnet-a resnet-b")]
    [InlineData("name ~ '^RES.*-b$'", "resnet-b")]
    [InlineData("name !~ resnet", "vit-c bert-d tmp-e")]
    [InlineData("name = RESNET-A", "resnet-a")]
    [InlineData("name != resnet-a and experiment = vision", "resnet-b vit-c")]
    [InlineData("experiment = nlp", "bert-d tmp-e")]
    [InlineData("user = bob", "resnet-b")]
    [InlineData("user != bob", "resnet-a")]
    [InlineData("commit = 3A5F", "resnet-a")]
    [InlineData("commit = ffee00", "resnet-b")]
    [InlineData("commit ~ '^f'", "resnet-b")]
    [InlineData("note = 'user note'", "bert-d")]
    [InlineData("note ~ note", "bert-d")]
    [InlineData("note ~ try", "resnet-a")]
    [InlineData("host ~ '.'", "")]
    public void Run_fields_take_equality_and_regexes(string filter, string names) => AssertSelects(filter, names);

    [Theory]
    [InlineData("status:failed", "resnet-b")]
    [InlineData("status:running or status:killed", "vit-c bert-d")]
    [InlineData("status != finished", "resnet-b vit-c bert-d")]
    [InlineData("source:wandb", "tmp-e")]
    [InlineData("source = mlflow and status = finished", "resnet-a")]
    [InlineData("tag:baseline", "resnet-a")]
    [InlineData("tag:team", "resnet-b")]
    [InlineData("tag:team=vision", "resnet-b")]
    [InlineData("tag:team=nlp", "")]
    [InlineData("tag:KEEPER", "resnet-a resnet-b")]
    [InlineData("starred", "resnet-a")]
    [InlineData("not starred and tag:keeper", "resnet-b")]
    [InlineData("since:7d", "resnet-a resnet-b")]
    [InlineData("since:2w", "resnet-a resnet-b vit-c")]
    [InlineData("before:1w", "vit-c tmp-e")]
    [InlineData("since:1w before:2d", "resnet-b")]
    public void Terms_select_by_status_source_tag_star_and_time(string filter, string names) => AssertSelects(filter, names);

    [Fact]
    public void Since_counts_back_from_the_now_it_is_given()
    {
        var names = store.QueryRuns("since:7d", null, 0, 100, null, Now + TimeSpan.FromDays(5)).Items.Select(r => r.Name);

        Assert.Equal(["resnet-a"], names);
    }

    [Fact]
    public void The_issue_example_runs()
    {
        AssertSelects("lr < 0.01 and (optimizer = adam or optimizer = sgd) and val_acc > 0.9 and tag:baseline and since:7d", "resnet-a");
    }

    [Theory]
    [InlineData(null, "resnet-a resnet-b vit-c tmp-e bert-d")]
    [InlineData("-start", "resnet-a resnet-b vit-c tmp-e bert-d")]
    [InlineData("start", "tmp-e vit-c resnet-b resnet-a bert-d")]
    [InlineData("-val_acc", "resnet-a resnet-b tmp-e vit-c bert-d")]
    [InlineData("val_acc", "tmp-e resnet-b resnet-a vit-c bert-d")]
    [InlineData("lr", "resnet-a resnet-b vit-c bert-d tmp-e")]
    [InlineData("-lr", "vit-c resnet-b resnet-a bert-d tmp-e")]
    [InlineData("name", "bert-d resnet-a resnet-b tmp-e vit-c")]
    [InlineData("-duration", "resnet-a resnet-b vit-c tmp-e bert-d")]
    [InlineData("status", "resnet-b resnet-a tmp-e bert-d vit-c")]
    public void Sorts_put_runs_missing_the_key_last(string? sort, string names)
    {
        var page = store.QueryRuns(null, sort, 0, 100, null, Now);

        Assert.Equal(names.Split(' '), page.Items.Select(r => r.Name));
    }

    [Fact]
    public void Pages_are_cut_from_the_sorted_matches_with_their_total_and_limit_zero_only_counts()
    {
        var page = store.QueryRuns("val_acc >= 0", "-val_acc", 1, 2, "val_acc", Now);
        var count = store.QueryRuns("val_acc >= 0", null, 0, 0, null, Now);
        var beyond = store.QueryRuns("val_acc >= 0", null, 10, 5, null, Now);
        var allBeyond = store.QueryRuns(null, null, 10, 5, null, Now);

        Assert.Equal(3, page.Total);
        Assert.Equal(1, page.Offset);
        Assert.Equal(["resnet-b", "tmp-e"], page.Items.Select(r => r.Name));
        Assert.Equal(0.88, page.Items[0].MainMetric!.Last);
        Assert.Equal(3, count.Total);
        Assert.Empty(count.Items);
        Assert.Equal((3, 10, 0), (beyond.Total, beyond.Offset, beyond.Items.Count));
        Assert.Equal((5, 0), (allBeyond.Total, allBeyond.Items.Count));
    }

    [Fact]
    public void A_bad_filter_or_sort_throws_a_located_error()
    {
        var filter = Assert.Throws<FilterException>(() => store.QueryRuns("val_acx > 1", null, 0, 10, null, Now));
        var sort = Assert.Throws<FilterException>(() => store.QueryRuns(null, "-lrr", 0, 10, null, Now));

        Assert.Equal(["val_acc"], filter.Expected);
        Assert.Equal(("sort", 1), (sort.Field, sort.Position));
        Assert.Contains("lr", sort.Expected);
    }

    [Fact]
    public void The_catalog_holds_every_param_and_metric_key_and_sees_new_ones_after_a_write()
    {
        var before = store.GetFilterCatalog();
        Write("f", "new-f", "nlp", daysAgo: 2, status: RunStatus.Finished, parameters: new() { ["momentum"] = "0.9" }, metrics: new() { ["bleu"] = 30 });
        var after = store.GetFilterCatalog();

        Assert.Equal(["layers", "lr", "optimizer", "shared"], before.ParamKeys.Order());
        Assert.Equal(["loss", "shared", "val_acc"], before.MetricKeys.Order());
        Assert.Contains("momentum", after.ParamKeys);
        Assert.Contains("bleu", after.MetricKeys);
        Assert.Same(after, store.GetFilterCatalog());
        AssertSelects("bleu > 20", "new-f");
    }

    [Fact]
    public void The_catalog_reads_keys_the_same_while_a_bulk_load_has_dropped_the_value_indexes()
    {
        var indexed = store.GetFilterCatalog();
        using (store.BeginBulkLoad())
        {
            var scanned = store.GetFilterCatalog();

            Assert.Equal(indexed.ParamKeys.Order(), scanned.ParamKeys.Order());
            Assert.Equal(indexed.MetricKeys.Order(), scanned.MetricKeys.Order());
        }
    }

    [Fact]
    public void Filtered_stores_and_experiments_count_only_matching_runs_and_hide_when_none_match()
    {
        var filter = store.CompileFilter("optimizer ~ adam", Now);

        var stores = store.GetStores(filter);
        var experiments = store.GetExperiments("mlflow:mlruns", filter);
        var none = store.CompileFilter("status:scheduled", Now);

        Assert.Equal([("mlflow:mlruns", 3)], stores.Select(s => (s.Key, s.RunCount)));
        Assert.Equal([("nlp", 1), ("vision", 2)], experiments.Select(e => (e.Name!, e.RunCount)));
        Assert.Empty(store.GetStores(none));
        Assert.Empty(store.GetExperiments("mlflow:mlruns", none));
        Assert.Equal(2, store.GetStores().Count);
    }

    [Fact]
    public void An_experiments_matching_runs_are_flat_child_runs_included()
    {
        var page = store.GetMatchingRuns("mlflow:mlruns", "vision", store.CompileFilter("optimizer ~ adam or status:failed", Now), 0, 10, "val_acc");
        var paged = store.GetMatchingRuns("mlflow:mlruns", "vision", CompiledFilter.All, 2, 1, null);

        Assert.Equal(["resnet-a", "resnet-b", "vit-c"], page.Items.Select(r => r.Name));
        Assert.Equal(ids["b"], page.Items[2].ParentId);
        Assert.Equal(3, page.Total);
        Assert.Equal(3, paged.Total);
        Assert.Equal(["vit-c"], paged.Items.Select(r => r.Name));
    }

    [Fact]
    public void Run_details_of_a_query_hold_only_the_selected_runs_each_with_its_own_params()
    {
        var details = store.QueryRunDetails("optimizer ~ adam", "name", null, "val_acc", Now);
        var first = store.QueryRunDetails(null, "-val_acc", 1, null, Now);

        Assert.Equal(["bert-d", "resnet-a", "vit-c"], details.Select(d => d.Run.Name));
        Assert.Equal("adamw", details[0].Params["optimizer"]);
        Assert.Equal("0.001", details[1].Params["lr"]);
        Assert.Equal("", details[1].Tags["baseline"]);
        Assert.Equal(0.2, details[1].Metrics["loss"].Last);
        Assert.Equal(0.93, details[1].Run.MainMetric!.Last);
        Assert.Equal(["resnet-a"], first.Select(d => d.Run.Name));
    }

    private void AssertSelects(string filter, string names)
    {
        var page = store.QueryRuns(filter, "name", 0, 100, null, Now);

        Assert.Equal(names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), page.Items.Select(r => r.Name).Order());
        Assert.Equal(page.Items.Count, page.Total);
    }

    private void Write(
        string nativeId,
        string name,
        string experiment,
        int? daysAgo,
        RunStatus status,
        Dictionary<string, string> parameters,
        Dictionary<string, double> metrics,
        Dictionary<string, string>? tags = null,
        string? user = null,
        string? commit = null,
        string? note = null,
        string? parent = null,
        string source = "mlflow")
    {
        var ws = store.WorkspaceRoot;
        var unit = TestRuns.Unit(ws, nativeId);
        var start = daysAgo is { } days ? Now - TimeSpan.FromDays(days) : (DateTimeOffset?)null;
        var run = new Run
        {
            Id = RunIds.Make(source, "mlruns", nativeId),
            Source = source,
            NativeId = nativeId,
            StorePath = unit.StorePath,
            Experiment = experiment,
            Name = name,
            ParentId = parent is null ? null : ids[parent],
            Status = status,
            StartTime = start,
            EndTime = start + TimeSpan.FromMinutes(10 - nativeId[0] + 'a'),
            User = user,
            GitCommit = commit,
            Note = note,
            Directory = unit.Path,
        };
        foreach (var (key, value) in parameters)
        {
            run.Params[key] = value;
        }

        foreach (var (key, value) in metrics)
        {
            run.Metrics[key] = [new MetricPoint(0, TestRuns.StartMs, 0), new MetricPoint(1, TestRuns.StartMs + 1000, value)];
        }

        foreach (var (key, value) in tags ?? [])
        {
            run.Tags[key] = value;
        }

        ids[nativeId] = run.Id;
        store.WriteUnits([(unit, TestRuns.Result(run))]);
    }

    /// <summary>The annotation tables as the annotation files' mirror fills them.</summary>
    private void Annotate(string nativeId, bool starred, string? note, params string[] tags)
    {
        using var connection = TestRuns.OpenRaw(store.DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO annotations(run_id, starred, note, file) VALUES($id, $starred, $note, $file)";
        command.Parameters.AddWithValue("$id", ids[nativeId]);
        command.Parameters.AddWithValue("$starred", starred ? 1 : 0);
        command.Parameters.AddWithValue("$note", (object?)note ?? DBNull.Value);
        command.Parameters.AddWithValue("$file", temp.Combine("ws", ".ide-tracker", nativeId + ".json"));
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO annotation_tags(run_id, tag) VALUES($id, $tag)";
        var tag = command.Parameters.Add("$tag", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var t in tags)
        {
            tag.Value = t;
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }
}
