using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Dvc;
using IdeTracker.Core.Tests.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>A generated git repository holding the corpus's real files the way the origin repository held them:
/// main, cnn-16 and cnn-32 as branches (each with that corpus folder's files), plus DVC experiments on top of
/// main made by the test. Expected params and metrics come from the corpus files (see
/// <see cref="DvcProjectReaderCorpusTests"/>) or from what the test wrote.</summary>
public sealed class DvcProjectReaderGitTests : IDisposable
{
    private static readonly string Corpus = TestSupport.Corpus.PathOf("dvc", "example-dvc-experiments");

    private readonly GitRepoFixture _repo = new();
    private readonly DvcProjectReader _reader = new();
    private readonly string _first;
    private readonly string _cnn16;
    private readonly string _cnn32;
    private readonly string _main;
    private readonly string _lustyGage;
    private readonly string _oldBase;

    public DvcProjectReaderGitTests()
    {
        _repo.CopyFrom(Path.Combine(Corpus, "branch-main"), "");
        _first = _repo.Commit("Train the baseline CNN");
        _repo.Checkout("cnn-16", create: true);
        _repo.CopyFrom(Path.Combine(Corpus, "branch-cnn-16"), "");
        _cnn16 = _repo.Commit("Try 16 conv units");
        _repo.Checkout("main");
        _repo.Checkout("cnn-32", create: true);
        _repo.CopyFrom(Path.Combine(Corpus, "branch-cnn-32"), "");
        _cnn32 = _repo.Commit("Try 32 conv units\n\nThe longer story of why.", author: "Grace Hopper");
        _repo.Checkout("main");
        _repo.Write("README.md", "# MNIST with DVC\n");
        _main = _repo.Commit("Describe the project");
        _repo.Git("branch", "release", "main");

        _lustyGage = _repo.Experiment("main", "lusty-gage", r =>
        {
            r.Write("params.yaml", "train:\n  epochs: 10\nmodel:\n  conv_units: 48\n");
            // DVCLive with timestamps: "timestamp step name".
            r.Write("dvclive/plots/metrics/train/acc.tsv", "timestamp\tstep\ttrain/acc\n1709290000000\t0\t0.93\n1709290060000\t1\t0.97\n");
        });
        _repo.Experiment("main", "spiky-hare", r => r.Write("params.yaml", "train:\n  epochs: 20\nmodel:\n  conv_units: 64\n"));
        _oldBase = _repo.Experiment(_first, "old-base", r => r.Write("params.yaml", "train:\n  epochs: 5\nmodel:\n  conv_units: 24\n"));

        // DVC's own bookkeeping refs under refs/exps are not experiments.
        _repo.Git("update-ref", "refs/exps/exec/EXEC_BASELINE", _main);
        _repo.Git("update-ref", "refs/exps/stash", _main);
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void The_workspace_branches_and_experiments_are_runs()
    {
        var result = Read();

        Assert.Empty(result.Problems);
        var experiments = new[]
        {
            GitRepoFixture.ExperimentRefName(_main, "lusty-gage"),
            GitRepoFixture.ExperimentRefName(_main, "spiky-hare"),
            GitRepoFixture.ExperimentRefName(_first, "old-base"),
        };
        // The workspace first, then the branches by name, then the experiments by ref.
        Assert.Equal(
            ["workspace", "refs/heads/cnn-16", "refs/heads/cnn-32", "refs/heads/main", "refs/heads/release", .. experiments.Order(StringComparer.Ordinal)],
            result.Runs.Select(r => r.NativeId));
        Assert.Equal(["workspace", "cnn-16", "cnn-32", "main", "release"], result.Runs.Take(5).Select(r => r.Name));
        Assert.Equal(result.Runs.Count, result.Runs.Select(r => r.Id).Distinct().Count());
        Assert.All(result.Runs, r => Assert.Equal("repo", r.Experiment));
        Assert.All(result.Runs, r => Assert.Equal(RunIds.Make("dvc", "repo", r.NativeId), r.Id));
    }

    [Fact]
    public void A_branch_run_has_the_files_and_the_commit_of_its_tip()
    {
        var runs = Read().Runs;

        var cnn16 = Single(runs, "refs/heads/cnn-16");
        Assert.Equal("24", cnn16.Params["model.conv_units"]);
        Assert.Equal(_cnn16, cnn16.GitCommit);
        Assert.False(cnn16.GitDirty);
        Assert.Equal(RunStatus.Finished, cnn16.Status);
        Assert.Equal(GitRepoFixture.CommitTime(1), cnn16.StartTime);
        Assert.Equal("Ada Lovelace", cnn16.User);
        Assert.Equal("Try 16 conv units", cnn16.Note);
        Assert.Null(cnn16.ParentId);
        Assert.Null(cnn16.Label);
        Assert.Equal("python3 src/train.py", cnn16.Command);
        Assert.Null(cnn16.MetricsFile);
        Assert.Equal(_repo.Repo, cnn16.Directory);

        var cnn32 = Single(runs, "refs/heads/cnn-32");
        Assert.Equal("32", cnn32.Params["model.conv_units"]);
        Assert.Equal(_cnn32, cnn32.GitCommit);
        Assert.Equal("Grace Hopper", cnn32.User);
        Assert.Equal("Try 32 conv units", cnn32.Note);
        Assert.Equal(GitRepoFixture.CommitTime(2), cnn32.StartTime);
        // Values from the corpus's branch-cnn-32 tsv files and dvc.lock.
        Assert.Equal(10, cnn32.Metrics["train/acc"].Count);
        Assert.Equal(0.9916499853134155, cnn32.Metrics["train/acc"][^1].Value);
        Assert.Equal(0.03324693813920021, cnn32.Metrics["eval/loss"][^1].Value);
        Assert.Contains(new DataInput("repo/src", "md5:ff7575c40a57f57b1e1a8c4ca1ba0094.dir", 13828, 4), cnn32.DataInputs);
    }

    [Fact]
    public void An_experiment_is_a_child_of_the_checked_out_branch_at_its_baseline_and_says_what_it_changed()
    {
        var runs = Read().Runs;
        var main = Single(runs, "refs/heads/main");

        var lusty = Single(runs, GitRepoFixture.ExperimentRefName(_main, "lusty-gage"));
        Assert.Equal("lusty-gage", lusty.Name);
        Assert.Equal(main.Id, lusty.ParentId);
        Assert.Equal(_lustyGage, lusty.GitCommit);
        Assert.Equal("model.conv_units=48", lusty.Label);
        Assert.Equal("dvc: commit experiment lusty-gage", lusty.Note);
        Assert.Equal("DVC Bot", lusty.User);
        Assert.Equal(GitRepoFixture.CommitTime(4), lusty.StartTime);
        Assert.Equal(RunStatus.Finished, lusty.Status);
        // The tsv the experiment rewrote, with DVCLive's timestamps; the others are main's.
        Assert.Equal([new MetricPoint(0, 1709290000000, 0.93), new MetricPoint(1, 1709290060000, 0.97)], lusty.Metrics["train/acc"]);
        Assert.Equal(0.03283250704407692, lusty.Metrics["eval/loss"][^1].Value);

        var spiky = Single(runs, GitRepoFixture.ExperimentRefName(_main, "spiky-hare"));
        Assert.Equal(main.Id, spiky.ParentId);
        Assert.Equal("train.epochs=20 model.conv_units=64", spiky.Label);
    }

    [Fact]
    public void An_experiment_whose_baseline_is_no_branch_tip_has_no_parent()
    {
        var old = Single(Read().Runs, GitRepoFixture.ExperimentRefName(_first, "old-base"));

        Assert.Null(old.ParentId);
        Assert.Equal(_oldBase, old.GitCommit);
        Assert.Equal("train.epochs=5", old.Label);
    }

    [Fact]
    public void The_workspace_run_has_heads_commit_and_turns_dirty_when_a_tracked_file_changes()
    {
        var clean = Single(Read().Runs, "workspace");
        Assert.Equal(_main, clean.GitCommit);
        Assert.False(clean.GitDirty);
        Assert.Equal(RunStatus.Unknown, clean.Status);

        _repo.Write("params.yaml", "train:\n  epochs: 10\nmodel:\n  conv_units: 96\n");
        var dirty = Single(Read().Runs, "workspace");

        Assert.True(dirty.GitDirty);
        Assert.Equal("96", dirty.Params["model.conv_units"]);
    }

    [Fact]
    public void An_untracked_file_does_not_make_the_workspace_dirty()
    {
        _repo.Write("notes.txt", "scratch");

        Assert.False(Single(Read().Runs, "workspace").GitDirty);
    }

    [Fact]
    public void Stamps_cover_head_packed_refs_and_every_branch_and_experiment_ref_but_no_object()
    {
        _repo.Git("pack-refs", "--all");
        _repo.Git("branch", "after-pack");
        var stamps = _reader.Stamp(Unit).Select(s => Path.GetRelativePath(_repo.Repo, s.Path).Replace('\\', '/')).ToList();

        Assert.Contains(".git/HEAD", stamps);
        Assert.Contains(".git/packed-refs", stamps);
        Assert.Contains(".git/refs/heads/after-pack", stamps);
        Assert.DoesNotContain(stamps, s => s.StartsWith(".git/objects", StringComparison.Ordinal));
        Assert.DoesNotContain(".git/index", stamps);
        Assert.Equal(_reader.Stamp(Unit), _reader.Read(Unit, CancellationToken.None).Files);
    }

    [Fact]
    public void A_new_branch_or_experiment_changes_the_stamps()
    {
        var before = _reader.Stamp(Unit);
        _repo.Git("branch", "another");
        var afterBranch = _reader.Stamp(Unit);
        _repo.Experiment("main", "new-exp", r => r.Write("params.yaml", "train:\n  epochs: 1\n"));
        var afterExperiment = _reader.Stamp(Unit);

        Assert.NotEqual(before, afterBranch);
        Assert.NotEqual(afterBranch, afterExperiment);
        Assert.Contains(afterExperiment, s => s.Path.Contains("new-exp", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_writes_nothing_in_the_repository_or_the_project()
    {
        _repo.Write("params.yaml", "train:\n  epochs: 10\nmodel:\n  conv_units: 96\n");
        var before = StoreSnapshot.Of(_repo.Repo);

        _reader.Stamp(Unit);
        _reader.Read(Unit, CancellationToken.None);
        _reader.Read(Unit, _reader.Read(Unit, CancellationToken.None).Resume, CancellationToken.None);

        Assert.Equal(before, StoreSnapshot.Of(_repo.Repo));
    }

    [Fact]
    public void Reads_of_one_unit_on_several_threads_agree()
    {
        var expected = RunText.Of(Read());

        var texts = Enumerable.Range(0, 8).AsParallel().Select(_ => RunText.Of(Read())).ToList();

        Assert.All(texts, t => Assert.Equal(expected, t));
    }

    [Fact]
    public void Unchanged_refs_let_a_resumed_read_keep_the_branch_and_experiment_runs()
    {
        var first = Read();

        var resumed = _reader.Read(Unit, first.Resume, CancellationToken.None);

        var kept = ((DvcResume)first.Resume!).GitRuns;
        Assert.Equal(7, kept.Count);
        Assert.All(kept.Zip(((DvcResume)resumed.Resume!).GitRuns), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(RunText.Of(Read()), RunText.Of(resumed));
    }

    [Fact]
    public void A_resumed_read_sees_a_new_experiment_and_a_moved_branch()
    {
        var first = Read();
        _repo.Experiment("main", "late-exp", r => r.Write("params.yaml", "train:\n  epochs: 3\n"));
        _repo.Checkout("cnn-32");
        _repo.Write("params.yaml", "train:\n  epochs: 10\nmodel:\n  conv_units: 33\n");
        _repo.Commit("Nudge");
        _repo.Checkout("main");

        var resumed = _reader.Read(Unit, first.Resume, CancellationToken.None);

        Assert.Equal(RunText.Of(Read()), RunText.Of(resumed));
        Assert.Contains(resumed.Runs, r => r.Name == "late-exp");
        // Commits read before are taken as they were, not read again.
        Assert.Same(((DvcResume)first.Resume!).Commits[_cnn16], ((DvcResume)resumed.Resume!).Commits[_cnn16]);
        Assert.Equal("33", Single(resumed.Runs, "refs/heads/cnn-32").Params["model.conv_units"]);
    }

    private RunUnit Unit => _repo.UnitOf("");

    private UnitReadResult Read() => _reader.Read(Unit, CancellationToken.None);

    private static Run Single(IEnumerable<Run> runs, string nativeId) => Assert.Single(runs, r => r.NativeId == nativeId);
}
