using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Tests.Contract;

/// <summary>Every message the extension reads, serialised the way the server sends it. Each sample fills
/// every field, so the TypeScript side can tell a renamed or dropped field from an optional one.</summary>
public sealed class ProtocolGoldenTests
{
    private const string RunId = "3f0c9a4e5b6d7c8e";

    private static readonly MetricValue NaNMetric = new("val_acc", double.NaN, HigherIsBetter: true, "val_acc NaN");

    [Fact]
    public void A_run_tree_page_with_a_run_whose_main_metric_is_NaN_matches_its_golden_file()
    {
        var run = new RunTreeNode
        {
            Id = TreeNodeId.ForRun(RunId).Encode(),
            Kind = TreeNodeId.Run,
            Label = "resnet50 <b>lr=0.1</b> *baseline*",
            Description = "val_acc NaN · 3 days ago",
            HasChildren = true,
            ChildCount = 2,
            RunId = RunId,
            Source = "mlflow",
            Status = "running",
            StartTime = "2026-01-05T10:00:00.000Z",
            TimeAgo = "3 days ago",
            MainMetric = NaNMetric,
            Live = true,
            Path = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef",
            MetricsFile = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef/metrics",
            Line = 3,
            Starred = true,
            Tags = ["baseline", "<script>alert(1)</script>"],
            Gone = true,
            Change = "lr 0.01 → 0.001",
        };

        AssertGolden("runTreeResult", new RunTreeResult([run], Total: 10_000, Offset: 500));
    }

    [Fact]
    public void Run_details_with_non_finite_metrics_and_a_Markdown_tooltip_match_their_golden_file()
    {
        var details = new RunDetailsResult
        {
            Id = RunId,
            NativeId = "0123456789abcdef0123456789abcdef",
            Name = "resnet50 <b>lr=0.1</b> *baseline*",
            Source = "mlflow",
            Store = "mlruns",
            Experiment = "resnet-sweep",
            ParentId = "9a8b7c6d5e4f3a2b",
            Status = "failed",
            StartTime = "2026-01-05T10:00:00.000Z",
            EndTime = "2026-01-05T10:02:13.000Z",
            Duration = "2 minutes, 13 seconds",
            TimeAgo = "3 days ago",
            User = "simle",
            Host = "gpu-box",
            Command = "train.py",
            GitCommit = "a1b2c3d4e5f6a7b8c9d0",
            GitDirty = true,
            Note = "Tried a higher learning rate.",
            Label = "optimizer.lr=0.1, model=resnet50",
            Live = true,
            Path = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef",
            MetricsFile = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef/metrics",
            Params = new Dictionary<string, string> { ["lr"] = "0.1", ["optimizer.name"] = "adam" },
            Metrics = new Dictionary<string, MetricSummaryDto>
            {
                ["val_acc"] = new(double.NaN, 0.5, double.PositiveInfinity, 100, 99),
                ["loss"] = new(0.25, double.NegativeInfinity, 2.5, 100, 99),
            },
            Tags = new Dictionary<string, string> { ["mlflow.user"] = "simle" },
            Packages = new Dictionary<string, string> { ["torch"] = "2.3.1", ["numpy"] = "" },
            Environment = new Dictionary<string, string> { ["python"] = "3.11.4" },
            Media = [new RunMediaDto("samples/input", "image", 12, 1100)],
            DataInputs = [new DataInputDto("data/train.csv", "md5:0f343b0931126a20f133d67c2b018a3b", 1_048_576, 1)],
            MainMetric = NaNMetric,
            Tooltip = "**resnet50 \\<b\\>lr=0\\.1\\</b\\> \\*baseline\\*** · failed · MLflow · resnet\\-sweep\n\n",
            Annotation = SampleAnnotation,
            Notes = [new RunNoteDto("20261202-013000-ab12", "Tried a *smaller* LSTM", "3 minutes ago", "/home/me/project/.ide-tracker/notes/20261202-013000-ab12/README.md")],
            Gone = true,
        };

        AssertGolden("runDetailsResult", details);
    }

    [Fact]
    public void An_index_status_matches_its_golden_file()
    {
        AssertGolden("indexStatusParams", new IndexStatusParams("ready", 1234, 2, 3, "1,234 runs · 2 live · 3 problems"));
    }

    [Fact]
    public void A_runs_changed_notification_matches_its_golden_file()
    {
        AssertGolden("runsChangedParams", new RunsChangedParams([RunId, "9a8b7c6d5e4f3a2b"], All: false));
    }

    [Fact]
    public void The_initialization_options_the_extension_sends_match_their_golden_file()
    {
        AssertGolden("initializationOptions", new InitializationOptions
        {
            StoragePath = "/home/me/.config/Code/User/workspaceStorage/abc/ide-tracker.ide-tracker",
            ExcludeGlobs = ["archive/**"],
            PrimaryMetric = new PrimaryMetricSetting("val_acc", "max"),
        });
    }

    [Fact]
    public void An_annotation_matches_its_golden_file()
    {
        AssertGolden("annotation", SampleAnnotation);
    }

    [Fact]
    public void A_query_result_with_a_located_error_matches_its_golden_file()
    {
        var node = new RunTreeNode
        {
            Id = TreeNodeId.ForRun(RunId).Encode(),
            Kind = TreeNodeId.Run,
            Label = "resnet50",
            Description = "val_acc 0.93 · 3 days ago",
            HasChildren = false,
            ChildCount = 0,
            RunId = RunId,
            Source = "mlflow",
            Status = "finished",
            StartTime = "2026-01-05T10:00:00.000Z",
            TimeAgo = "3 days ago",
            MainMetric = new MetricValue("val_acc", 0.93, HigherIsBetter: true, "val_acc 0.93"),
            Live = true,
            Path = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef",
            MetricsFile = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef/metrics",
            Line = 1,
            Starred = true,
            Tags = ["baseline"],
            Gone = true,
            Change = "optimizer adam → sgd",
        };
        AssertGolden("queryResult", new QueryResult
        {
            Runs = [node],
            Total = 1,
            Offset = 0,
            Error = new FilterErrorDto("column 6: expected a value after '<', found the end of the filter", 5, 1, ["a number", "a quoted text", "a word"], "filter"),
        });
    }

    [Fact]
    public void A_comparison_with_missing_values_and_non_finite_metrics_matches_its_golden_file()
    {
        AssertGolden("compareResult", new CompareResult
        {
            Runs =
            [
                new CompareRun
                {
                    Id = RunId, Name = "<img src=x onerror=alert(1)>", Experiment = "resnet-sweep", Source = "mlflow",
                    Status = "finished", StartTime = "2026-01-05T10:00:00.000Z", TimeAgo = "3 days ago",
                    Label = "optimizer.lr=0.1", Starred = true, Tags = ["baseline", "mlflow.user=simle"], Gone = true,
                    Path = "/home/me/project/mlruns/1/0123456789abcdef0123456789abcdef",
                },
            ],
            Params = [new CompareRow("lr", ["0.1", null], Differs: true)],
            Metrics = [new CompareMetric("val_loss", HigherIsBetter: false, [new CompareMetricCell(0.3, 0.25, double.PositiveInfinity, 0.25, 100, 99), null], BestIndex: 0)],
            Environment = [new CompareRow("git.commit", ["a1b2c3d", "e4f5a6b"], Differs: true)],
            MetricKeys = [new MetricKeyDto("val_loss", 2)],
            Missing = ["9a8b7c6d5e4f3a2b"],
            MainMetric = "val_loss",
        });
    }

    [Fact]
    public void A_downsampled_metric_series_matches_its_golden_file()
    {
        AssertGolden("metricSeriesResult", new MetricSeriesResult(
            [new MetricSeriesDto(RunId, "loss", [0, 50, 99], [1_767_607_200_000, 1_767_607_260_000, 1_767_607_320_000], [2.5, double.NaN, 0.25], 100)]));
    }

    private static AnnotationDto SampleAnnotation => new()
    {
        RunId = RunId,
        Starred = true,
        Tags = ["baseline", "<b>bold</b>"],
        Note = "Tried a **higher** learning rate.",
        File = "/home/me/project/.ide-tracker/runs/3f0c9a4e5b6d7c8e.json",
    };

    private static NoteDto SampleNote => new()
    {
        Id = "20261202-013000-ab12",
        Title = "Tried a <b>smaller</b> LSTM",
        CreatedAt = "2026-12-02T01:30:00.000Z",
        CreatedLabel = "3 minutes ago",
        Status = "failed",
        Error = "the transcription worker stopped (exit code 139, signal SEGV?)",
        Folder = "/home/me/project/.ide-tracker/notes/20261202-013000-ab12",
        AudioPath = "/home/me/project/.ide-tracker/notes/20261202-013000-ab12/audio.wav",
        DurationLabel = "1 minute, 12 seconds",
        TranscriptPath = "/home/me/project/.ide-tracker/notes/20261202-013000-ab12/transcript.txt",
        TranscriptPreview = "",
        DraftPath = "/home/me/project/.ide-tracker/notes/20261202-013000-ab12/README.md",
        RunIds = [RunId],
        RunNames = ["resnet50 <b>lr=0.1</b>"],
        Tooltip = "**Tried a smaller LSTM**",
    };

    [Fact]
    public void A_voice_note_matches_its_golden_file()
    {
        AssertGolden("noteDto", SampleNote);
    }

    [Fact]
    public void A_notes_list_with_an_unreadable_folder_matches_its_golden_file()
    {
        AssertGolden("notesListResult", new NotesListResult([SampleNote], ["/home/me/project/.ide-tracker/notes/x/note.json:3: is not valid JSON"]));
    }

    [Fact]
    public void A_notes_changed_notification_matches_its_golden_file()
    {
        AssertGolden("notesChangedParams", new NotesChangedParams(["20261202-013000-ab12"]));
    }

    [Fact]
    public void A_model_status_matches_its_golden_file()
    {
        AssertGolden("modelStatusDto", new ModelStatusDto
        {
            Model = "tiny.en",
            Found = false,
            Path = "/home/me/models/ggml-tiny.en.bin",
            Problem = "/home/me/models/ggml-tiny.en.bin: not a ggml file: starts with '<htm'. It was not loaded.",
            Searched = ["/home/me/models/ggml-tiny.en.bin", "/home/me/.cache/ide-tracker/models/ggml-tiny.en.bin"],
            DownloadUrl = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-tiny.en.bin",
            DownloadPath = "/home/me/.cache/ide-tracker/models/ggml-tiny.en.bin",
            SizeLabel = "74.1 MB",
            EngineReady = false,
            EngineProblem = "the whisper.cpp library is not built",
        });
    }

    private static void AssertGolden<T>(string name, T sample)
    {
        var rewritten = GoldenFile.Regenerate(name, sample);
        Assert.True(rewritten is null, rewritten);
    }
}
