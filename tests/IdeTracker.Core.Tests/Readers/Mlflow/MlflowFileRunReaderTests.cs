using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Mlflow;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

public sealed class MlflowFileRunReaderTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";
    private const string OtherRunId = "fedcba9876543210fedcba9876543210";

    private readonly MlflowFileStoreFixture store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Fills_every_field_of_a_run_from_meta_yaml_and_tags()
    {
        store.Experiment("7", "churn model");
        var folder = store.Run("7", RunId, MlflowFileStoreFixture.RunMeta(RunId, "7", runName: "brave-owl-42", status: "4"));
        store.Write($"7/{RunId}/tags/mlflow.source.name", "train.py");
        store.Write($"7/{RunId}/tags/mlflow.source.git.commit", "a2cb526d");
        store.Write($"7/{RunId}/tags/mlflow.note.content", "tried a *smaller* lr\nsecond line");
        store.Write($"7/{RunId}/tags/team", "vision");
        store.Write($"7/{RunId}/params/lr", "0.01");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunIds.Make("mlflow", "mlruns", RunId), run.Id);
        Assert.Equal("mlflow", run.Source);
        Assert.Equal(RunId, run.NativeId);
        Assert.Equal(store.Store, run.StorePath);
        Assert.Equal("7", run.ExperimentId);
        Assert.Equal("churn model", run.Experiment);
        Assert.Equal("brave-owl-42", run.Name);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698092677862), run.StartTime);
        Assert.Equal(TimeSpan.Zero, run.StartTime!.Value.Offset);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698092683202), run.EndTime);
        Assert.Equal("alice", run.User);
        Assert.Equal("train.py", run.Command);
        Assert.Equal("a2cb526d", run.GitCommit);
        Assert.Equal("tried a *smaller* lr\nsecond line", run.Note);
        Assert.Equal(folder, run.Directory);
        Assert.Null(run.MetricsFile);
        Assert.Equal("0.01", run.Params["lr"]);
        Assert.Equal(4, run.Tags.Count);
        Assert.Equal("vision", run.Tags["team"]);
    }

    [Theory]
    [InlineData("1", RunStatus.Running)]
    [InlineData("2", RunStatus.Scheduled)]
    [InlineData("3", RunStatus.Finished)]
    [InlineData("4", RunStatus.Failed)]
    [InlineData("5", RunStatus.Killed)]
    public void Maps_each_status_number(string number, RunStatus expected)
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, status: number));

        Assert.Equal(expected, Assert.Single(store.Read(folder).Runs).Status);
    }

    [Fact]
    public void Reads_a_run_whose_meta_has_only_the_legacy_run_uuid()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, legacyUuidOnly: true));

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        Assert.Equal(RunId, Assert.Single(result.Runs).NativeId);
    }

    [Fact]
    public void Reads_windows_file_uris_and_an_old_integer_experiment_id_without_trouble()
    {
        store.Write("3/meta.yaml", "artifact_location: file:///C:/Users/bob/My%20Project/mlruns/3\nexperiment_id: 3\nlifecycle_stage: active\nname: exp3\n");
        var folder = store.Run("3", RunId, "artifact_uri: file:///c:/Users/bob/My%20Project/mlruns/3/" + RunId + "/artifacts\n"
            + "experiment_id: 3\nrun_uuid: " + RunId + "\nstart_time: 1\nstatus: 3\nuser_id: bob\n");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("3", run.ExperimentId);
        Assert.Equal("exp3", run.Experiment);
        Assert.Equal(RunId, run.Name);
        Assert.Null(run.EndTime);
    }

    [Fact]
    public void Links_a_nested_run_to_its_parent_through_the_parent_run_id_tag()
    {
        store.Experiment("0");
        var parentFolder = store.Run("0", RunId);
        var childFolder = store.Run("0", OtherRunId, MlflowFileStoreFixture.RunMeta(OtherRunId, runName: "child"));
        store.Write($"0/{OtherRunId}/tags/mlflow.parentRunId", RunId);

        var parent = Assert.Single(store.Read(parentFolder).Runs);
        var child = Assert.Single(store.Read(childFolder).Runs);

        Assert.Null(parent.ParentId);
        Assert.Equal(parent.Id, child.ParentId);
        Assert.Equal(RunId, child.Tags["mlflow.parentRunId"]);
    }

    [Fact]
    public void Skips_a_deleted_run_unless_asked_to_include_it()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, lifecycleStage: "deleted"));

        var skipped = store.Read(folder);
        var included = store.Read(folder, includeDeleted: true);

        Assert.Empty(skipped.Runs);
        Assert.Empty(skipped.Problems);
        Assert.NotEmpty(skipped.Files);
        Assert.Equal(RunId, Assert.Single(included.Runs).NativeId);
    }

    [Fact]
    public void Skips_every_run_of_a_deleted_experiment_unless_asked_to_include_them()
    {
        store.Experiment("4", "old", lifecycleStage: "deleted");
        var folder = store.Run("4", RunId, MlflowFileStoreFixture.RunMeta(RunId, "4"));

        Assert.Empty(store.Read(folder).Runs);
        Assert.Equal("old", Assert.Single(store.Read(folder, includeDeleted: true).Runs).Experiment);
    }

    [Fact]
    public void Names_a_run_from_its_run_name_tag_then_its_id()
    {
        store.Experiment("0");
        var tagged = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, runName: "''", userId: "''"));
        store.Write($"0/{RunId}/tags/mlflow.runName", "from-tag");
        store.Write($"0/{RunId}/tags/mlflow.user", "tag-user");
        var bare = store.Run("0", OtherRunId, MlflowFileStoreFixture.RunMeta(OtherRunId, runName: null, userId: null));

        var taggedRun = Assert.Single(store.Read(tagged).Runs);
        var bareRun = Assert.Single(store.Read(bare).Runs);

        Assert.Equal("from-tag", taggedRun.Name);
        Assert.Equal("tag-user", taggedRun.User);
        Assert.Equal(OtherRunId, bareRun.Name);
        Assert.Null(bareRun.User);
    }

    [Fact]
    public void Reads_a_crashed_run_with_a_null_end_time_and_no_status_as_running()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, status: null, endTime: "null"));

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Null(run.EndTime);
        Assert.Equal(RunStatus.Running, run.Status);
    }

    [Fact]
    public void Reads_keys_with_slashes_from_sub_folders()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);
        store.Write($"0/{RunId}/params/model/encoder/layers", "12");
        store.Write($"0/{RunId}/params/.hidden", "dot");
        store.Write($"0/{RunId}/tags/data/split", "val");
        store.Write($"0/{RunId}/metrics/train/loss", "1 0.5 0\n");

        var run = Assert.Single(store.Read(folder).Runs);

        Assert.Equal("12", run.Params["model/encoder/layers"]);
        Assert.Equal("dot", run.Params[".hidden"]);
        Assert.Equal("val", run.Tags["data/split"]);
        Assert.Equal([new MetricPoint(0, 1, 0.5)], run.Metrics["train/loss"]);
        Assert.Equal(Path.Combine(folder, "metrics"), run.MetricsFile);
    }

    [Fact]
    public void Keeps_param_and_tag_values_byte_for_byte()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);
        store.Write($"0/{RunId}/params/text", "  two lines\r\nwith spaces  \n");
        store.Write($"0/{RunId}/params/empty", "");
        store.Write($"0/{RunId}/tags/unicode", "überprüft ✓");

        var run = Assert.Single(store.Read(folder).Runs);

        Assert.Equal("  two lines\r\nwith spaces  \n", run.Params["text"]);
        Assert.Equal("", run.Params["empty"]);
        Assert.Equal("überprüft ✓", run.Tags["unicode"]);
    }

    [Fact]
    public void Decodes_quoted_and_folded_meta_values_as_pyyaml_writes_them()
    {
        store.Write("0/meta.yaml", "experiment_id: '0'\nlifecycle_stage: active\nname: \"caf\\xE9 \\u4E2D \\\"q\\\"\"\n");
        var folder = store.Run("0", RunId, $"run_id: {RunId}\nrun_name: 'it''s a very long run name that PyYAML folds onto\n  the next line'\nstatus: 3\nuser_id: \"\\U0001F600\"\n");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("café 中 \"q\"", run.Experiment);
        Assert.Equal("it's a very long run name that PyYAML folds onto the next line", run.Name);
        Assert.Equal("😀", run.User);
    }

    [Fact]
    public void Reads_files_with_windows_line_endings()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId).Replace("\n", "\r\n"));
        store.Write($"0/{RunId}/metrics/acc", "10 0.5 1\r\n20 0.75 2\r\n");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("brave-owl-42", run.Name);
        Assert.Equal([new MetricPoint(1, 10, 0.5), new MetricPoint(2, 20, 0.75)], run.Metrics["acc"]);
    }

    [Fact]
    public void Reads_a_run_whose_experiment_meta_is_missing_with_a_warning()
    {
        var folder = store.Run("9", RunId, MlflowFileStoreFixture.RunMeta(RunId, "9"));

        var result = store.Read(folder);

        var run = Assert.Single(result.Runs);
        Assert.Null(run.Experiment);
        Assert.Equal("9", run.ExperimentId);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(Path.Combine(store.Store, "9", "meta.yaml"), problem.Path);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
    }

    [Fact]
    public void Sees_a_renamed_experiment_after_its_meta_changes()
    {
        var experimentMeta = Path.Combine(store.Experiment("0", "first"), "meta.yaml");
        var folder = store.Run("0", RunId);
        var reader = new MlflowFileRunReader();
        Assert.Equal("first", Assert.Single(reader.Read(store.Unit(folder), CancellationToken.None).Runs).Experiment);

        store.Experiment("0", "second name");
        File.SetLastWriteTimeUtc(experimentMeta, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("second name", Assert.Single(reader.Read(store.Unit(folder), CancellationToken.None).Runs).Experiment);
    }

    [Fact]
    public void Makes_run_ids_from_the_store_path_relative_to_the_workspace()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);
        var outside = new IdeTracker.Core.Readers.RunUnit(IdeTracker.Core.Readers.UnitFormats.MlflowFileRun, folder, store.Store, "/somewhere/else");

        var inside = Assert.Single(store.Read(folder).Runs);
        var fromOutside = Assert.Single(new MlflowFileRunReader().Read(outside, CancellationToken.None).Runs);

        Assert.Equal(RunIds.Make("mlflow", "mlruns", RunId), inside.Id);
        Assert.Equal(RunIds.Make("mlflow", store.Store, RunId), fromOutside.Id);
    }

    [Fact]
    public void Reads_a_run_folder_given_with_a_trailing_separator()
    {
        store.Experiment("0", "with slash");
        var folder = store.Run("0", RunId);

        var result = store.Read(folder + Path.DirectorySeparatorChar);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("with slash", run.Experiment);
        Assert.Equal(folder, run.Directory);
    }

    [Fact]
    public void Stops_with_cancellation_when_asked()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);

        Assert.Throws<OperationCanceledException>(() =>
            new MlflowFileRunReader().Read(store.Unit(folder), new CancellationToken(canceled: true)));
    }
}
