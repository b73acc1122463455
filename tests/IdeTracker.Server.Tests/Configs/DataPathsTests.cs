using IdeTracker.Core.Configs;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class DataPathsTests : IDisposable
{
    private readonly TempDirectory _workspace = new();
    private readonly string _document;

    public DataPathsTests()
    {
        _document = _workspace.Write("conf/params.yaml", "data: x\n");
        _workspace.Write("conf/local.csv", "a\n");
        _workspace.Write("data/train.csv", "a,b\n");
        Directory.CreateDirectory(_workspace.Combine("data", "images"));
    }

    public void Dispose() => _workspace.Dispose();

    private DataPaths Paths => new(_workspace.Path, FileTimes.LastWrite);

    [Fact]
    public void A_value_resolves_against_the_documents_folder_first_then_the_workspace_root()
    {
        Assert.Equal(_workspace.Combine("conf", "local.csv"), Paths.Resolve(Scalar("data", "local.csv"), _document)?.Path);
        Assert.Equal(_workspace.Combine("data", "train.csv"), Paths.Resolve(Scalar("data", "data/train.csv"), _document)?.Path);
        Assert.Equal(_workspace.Combine("data", "images"), Paths.Resolve(Scalar("data", "../data/images/"), _document)?.Path);
    }

    [Fact]
    public void The_time_is_the_real_files_modification_time()
    {
        var changed = new DateTime(2026, 11, 19, 8, 30, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_workspace.Combine("data", "train.csv"), changed);

        Assert.Equal(new DateTimeOffset(changed), Paths.Resolve(Scalar("data", "data/train.csv"), _document)?.Changed);
    }

    [Fact]
    public void Missing_files_paths_outside_the_workspace_and_non_paths_resolve_to_nothing()
    {
        var outside = Path.Combine(Path.GetTempPath(), "ide-tracker-outside.csv");
        File.WriteAllText(outside, "x");
        try
        {
            Assert.Null(Paths.Resolve(Scalar("data", "data/missing.csv"), _document));
            Assert.Null(Paths.Resolve(Scalar("data", outside), _document));
            Assert.Null(Paths.Resolve(Scalar("data", "../../ide-tracker-outside.csv"), _document));
            Assert.Null(Paths.Resolve(Scalar("lr", "0.001"), _document));
            Assert.Null(Paths.Resolve(Scalar("data", "https://example.com/data.csv"), _document));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void The_document_its_folders_and_the_workspace_root_are_never_data()
    {
        Assert.Null(Paths.Resolve(Scalar("data", "params.yaml"), _document));
        Assert.Null(Paths.Resolve(Scalar("data", "./"), _document));
        Assert.Null(Paths.Resolve(Scalar("data", "../"), _document));
        Assert.Null(Paths.Resolve(Scalar("data", "../conf/"), _document));
    }

    [Fact]
    public void Keys_naming_outputs_are_left_out_because_every_run_changes_them()
    {
        Assert.Null(Paths.Resolve(Scalar("output_dir", "data/images"), _document));
        Assert.Null(Paths.Resolve(Scalar("trainer.logDir", "data/images"), _document));
        Assert.Null(Paths.Resolve(Scalar("hydra.run.dir", "data/images"), _document));
        Assert.NotNull(Paths.Resolve(Scalar("dataset.root", "data/images"), _document));
    }

    [Fact]
    public void Only_values_that_read_as_paths_are_looked_up()
    {
        var asked = new List<string>();
        var paths = new DataPaths(_workspace.Path, p => { asked.Add(p); return null; });

        foreach (var value in new[] { "adam", "1e-3", "True", ".", "v2", "" })
        {
            paths.Resolve(Scalar("k", value), _document);
        }

        Assert.Empty(asked);
        Assert.True(DataPaths.LooksLikePath("train.csv"));
        Assert.True(DataPaths.LooksLikePath("data/images"));
        Assert.False(DataPaths.LooksLikePath("0.5"));
    }

    [Fact]
    public void Sections_and_hydra_defaults_are_not_data()
    {
        var hydra = new ConfigEntry(["dataset"], TextSpan.OnLine(0, 2, 9), TextSpan.OnLine(0, 11, 25), "data/train.csv", ConfigEntryKind.HydraDefault);

        Assert.Null(Paths.Resolve(hydra, _document));
        Assert.Null(Paths.Resolve(Section("data"), _document));
    }
}
