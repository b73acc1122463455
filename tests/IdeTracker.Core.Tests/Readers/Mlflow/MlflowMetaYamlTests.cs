using System.Text;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>Damaged and odd meta.yaml files, and non-UTF-8 bytes anywhere in a run.</summary>
public sealed class MlflowMetaYamlTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";

    private readonly MlflowFileStoreFixture store = new();

    public MlflowMetaYamlTests() => store.Experiment("0");

    public void Dispose() => store.Dispose();

    [Fact]
    public void Reports_a_status_that_is_not_a_number_on_its_line_and_keeps_the_run()
    {
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, status: "FINISHED"));

        var result = store.Read(folder);

        Assert.Equal(RunStatus.Unknown, Assert.Single(result.Runs).Status);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(Path.Combine(folder, "meta.yaml"), problem.Path);
        Assert.Equal(13, problem.Line);
        Assert.Equal("status 'FINISHED' is not a run status (1 to 5)", problem.Message);
    }

    [Fact]
    public void Reports_a_status_out_of_range()
    {
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, status: "9"));

        var result = store.Read(folder);

        Assert.Equal(RunStatus.Unknown, Assert.Single(result.Runs).Status);
        Assert.Equal(13, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Reports_times_that_are_not_numbers_on_their_lines()
    {
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, startTime: "yesterday", endTime: "99999999999999999999"));

        var result = store.Read(folder);

        var run = Assert.Single(result.Runs);
        Assert.Null(run.StartTime);
        Assert.Null(run.EndTime);
        Assert.Equal([2, 12], result.Problems.Select(p => p.Line).Order());
        Assert.Contains(result.Problems, p => p.Message == "start_time 'yesterday' is not a time in milliseconds");
    }

    [Fact]
    public void Yields_no_run_and_one_problem_for_a_meta_without_a_run_id()
    {
        var folder = store.Run("0", RunId, "run_name: orphan\nstatus: 3\n");

        var result = store.Read(folder);

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("has no run_id; not read as a run", problem.Message);
        Assert.NotEmpty(result.Files);
    }

    [Fact]
    public void Yields_no_run_for_a_run_id_that_is_not_an_id()
    {
        var folder = store.Run("0", RunId, "run_id: ../../etc\nstatus: 3\n");

        var result = store.Read(folder);

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Equal("run_id '../../etc' is not a run id; not read as a run", problem.Message);
    }

    [Fact]
    public void Yields_no_run_and_one_located_problem_for_a_binary_meta()
    {
        var garbage = new byte[600];
        new Random(7).NextBytes(garbage);
        garbage[100] = 0;
        var folder = store.Run("0", RunId);
        store.WriteBytes($"0/{RunId}/meta.yaml", garbage);

        var result = store.Read(folder);

        Assert.Empty(result.Runs);
        var problem = result.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        Assert.StartsWith("has no run_id; not read as a run", problem.Message);
        Assert.True(problem.Line > 0);
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("UTF-8"));
    }

    [Fact]
    public void Keeps_what_a_truncated_meta_still_holds_and_locates_the_damage()
    {
        var full = MlflowFileStoreFixture.RunMeta(RunId);
        var cut = full[..full.IndexOf("start_time", StringComparison.Ordinal)] + "start_ti";
        var folder = store.Run("0", RunId, cut);

        var result = store.Read(folder);

        var run = Assert.Single(result.Runs);
        Assert.Equal("brave-owl-42", run.Name);
        Assert.Null(run.StartTime);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(12, problem.Line);
        Assert.Equal("not a 'key: value' line", problem.Message);
    }

    [Fact]
    public void Keeps_the_lines_before_a_zero_filled_tail()
    {
        var bytes = Encoding.UTF8.GetBytes(MlflowFileStoreFixture.RunMeta(RunId)).Concat(new byte[4096]).ToArray();
        var folder = store.Run("0", RunId);
        store.WriteBytes($"0/{RunId}/meta.yaml", bytes);

        var result = store.Read(folder);

        Assert.Equal(RunStatus.Finished, Assert.Single(result.Runs).Status);
        Assert.Equal(16, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Reads_a_truncated_quoted_value_as_far_as_it_goes()
    {
        var folder = store.Run("0", RunId, $"run_id: {RunId}\nrun_name: 'half a na");

        var result = store.Read(folder);

        Assert.Equal("half a na", Assert.Single(result.Runs).Name);
        Assert.Equal(2, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Decodes_non_utf8_bytes_as_replacement_characters_with_a_warning()
    {
        var meta = Encoding.UTF8.GetBytes(MlflowFileStoreFixture.RunMeta(RunId, runName: "caf\u0001")).Select(b => b == 1 ? (byte)0xE9 : b).ToArray();
        var folder = store.Run("0", RunId);
        store.WriteBytes($"0/{RunId}/meta.yaml", meta);
        var param = store.WriteBytes($"0/{RunId}/params/name", [0x66, 0xFF, 0xFE, 0x6F]);
        store.WriteBytes($"0/{RunId}/metrics/acc", [.. "1 0.5 0\n"u8, 0xC3, 0x28, .. " 1 2\n3 0.75 1\n"u8]);

        var result = store.Read(folder);

        var run = Assert.Single(result.Runs);
        Assert.Equal("caf\uFFFD", run.Name);
        Assert.Equal("f\uFFFD\uFFFDo", run.Params["name"]);
        Assert.Equal([new MetricPoint(0, 1, 0.5), new MetricPoint(1, 3, 0.75)], run.Metrics["acc"]);
        Assert.Contains(result.Problems, p => p.Path == param && p.Severity == ProblemSeverity.Warning);
        Assert.Contains(result.Problems, p => p.Path.EndsWith("acc", StringComparison.Ordinal) && p.Line == 2);
        Assert.Equal(3, result.Problems.Count);
    }

    [Fact]
    public void Warns_when_the_run_id_differs_from_the_folder_name()
    {
        const string other = "fedcba9876543210fedcba9876543210";
        var folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(other));

        var result = store.Read(folder);

        Assert.Equal(other, Assert.Single(result.Runs).NativeId);
        Assert.Equal(ProblemSeverity.Warning, Assert.Single(result.Problems).Severity);
    }
}
