using IdeTracker.Core.Annotations;
using IdeTracker.Core.Tests.Indexing;

namespace IdeTracker.Core.Tests.Annotations;

public sealed class AnnotationMirrorTests : IDisposable
{
    private readonly FakeWorkspace ws = new();
    private readonly DateTimeOffset now = DateTimeOffset.FromUnixTimeMilliseconds(1750000000000);

    public AnnotationMirrorTests()
    {
        ws.AddUnit("a");
        ws.AddUnit("b", "lr=0.01", "optimizer=adam", "score=0.2,0.9");
        ws.Scan();
    }

    private AnnotationMirror Mirror => ws.Indexer.Annotations;

    private string FileOf(string name) => Mirror.FileOf(ws.RunId(name));

    /// <summary>Rewrites a unit's run.txt and dates it an hour back: the fake runs' status is unknown, so a fresh
    /// write would make the run live.</summary>
    private void Rewrite(string name, params string[] lines)
    {
        var file = Path.Combine(ws.UnitPath(name), "run.txt");
        File.WriteAllLines(file, lines);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
    }

    [Fact]
    public void Starring_a_run_writes_its_file_with_a_snapshot_and_the_tree_rows_show_it()
    {
        var annotation = Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = true, AddTags = ["#baseline", "adam"] }, now);

        var file = AnnotationFileFormat.Read(FileOf("b")).Annotation!;
        Assert.Equal(AnnotationFileFormat.Serialize(annotation), File.ReadAllText(FileOf("b")));
        Assert.True(file.Starred);
        Assert.Equal(["adam", "baseline"], file.Tags);
        Assert.Equal(("b", "fake", "store", "store/b"), (file.Snapshot!.Name, file.Snapshot.Source, file.Snapshot.Store, file.Snapshot.Path));
        Assert.Equal("0.01", file.Snapshot.Params["lr"]);
        Assert.Equal(0.9, file.Snapshot.Metrics["score"]);
        Assert.Equal(now, file.Snapshot.RecordedAt);

        var row = ws.Store.GetRuns("fake:store", null, null, 0, 10, null).Items.Single(r => r.Name == "b");
        Assert.Equal((true, false), (row.Starred, row.Gone));
        Assert.Equal(["adam", "baseline"], row.UserTags);
        Assert.Equal(FileOf("b"), ws.Store.GetAnnotation(ws.RunId("b"))!.File);
        Assert.False(ws.Store.GetRuns("fake:store", null, null, 0, 10, null).Items.Single(r => r.Name == "a").Starred);
    }

    [Fact]
    public void A_run_whose_folder_is_deleted_stays_as_a_ghost_from_its_snapshot_and_is_real_again_when_the_folder_returns()
    {
        Mirror.Apply(ws.RunId("b"), new AnnotationChange { Note = "keep this one" }, now);
        var folder = ws.UnitPath("b");
        var away = Path.Combine(ws.Root, "away");
        Directory.Move(folder, away);

        var removed = ws.Scan();

        Assert.Contains(ws.RunId("b"), removed.ChangedRunIds);
        var ghost = ws.Store.GetRunDetails(ws.RunId("b"), "score")!;
        Assert.True(ghost.Run.Gone);
        Assert.Equal(("b", "fake:store", folder), (ghost.Run.Name, ghost.Run.StoreKey, ghost.Run.Directory));
        Assert.Equal(("0.01", "adam"), (ghost.Params["lr"], ghost.Params["optimizer"]));
        Assert.Equal(0.9, ghost.Metrics["score"].Last);
        Assert.Equal(0.9, ghost.Run.MainMetric!.Last);
        Assert.Equal(2, ws.Store.GetRuns("fake:store", null, null, 0, 10, null).Total);

        Directory.Move(away, folder);
        var back = ws.Scan();

        Assert.Contains(ws.RunId("b"), back.ChangedRunIds);
        var real = ws.Store.GetRunDetails(ws.RunId("b"), null)!;
        Assert.False(real.Run.Gone);
        Assert.Equal(2, ws.Store.GetRuns("fake:store", null, null, 0, 10, null).Total);
        Assert.Equal(2, ws.Store.GetCounts(now, TimeSpan.Zero).Runs);
    }

    [Fact]
    public void A_ghost_also_appears_when_a_targeted_update_finds_the_folder_gone_and_leaves_when_the_file_is_deleted()
    {
        Mirror.Apply(ws.RunId("a"), new AnnotationChange { Starred = true }, now);
        Directory.Delete(ws.UnitPath("a"), recursive: true);

        ws.Changed(ws.UnitPath("a"));
        Assert.True(ws.Store.GetRunDetails(ws.RunId("a"), null)!.Run.Gone);

        File.Delete(FileOf("a"));
        var result = ws.Changed(FileOf("a"));

        Assert.Equal([ws.RunId("a")], result.ChangedRunIds);
        Assert.Null(ws.Store.GetRunDetails(ws.RunId("a"), null));
        Assert.Null(ws.Store.GetAnnotation(ws.RunId("a")));
    }

    [Fact]
    public void The_snapshot_is_rewritten_when_the_run_changes_and_left_alone_when_it_does_not()
    {
        Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = true }, now);
        var written = File.ReadAllBytes(FileOf("b"));
        Rewrite("b", "lr=0.01", "optimizer=adam", "score=0.2,0.9");

        var reread = ws.Scan();
        Assert.Equal(1, reread.UnitsRead);
        Assert.Equal(written, File.ReadAllBytes(FileOf("b")));

        Rewrite("b", "lr=0.02", "optimizer=adam", "score=0.2,0.95");
        ws.Scan();

        var snapshot = AnnotationFileFormat.Read(FileOf("b")).Annotation!.Snapshot!;
        Assert.Equal(("0.02", 0.95), (snapshot.Params["lr"], snapshot.Metrics["score"]));
        Assert.NotEqual(now, snapshot.RecordedAt);
        Assert.Equal("0.02", ws.Store.GetAnnotation(ws.RunId("b"))!.Snapshot!.Params["lr"]);
        Assert.True(AnnotationFileFormat.Read(FileOf("b")).Annotation!.Starred);
    }

    [Fact]
    public void A_live_runs_snapshot_waits_until_the_run_is_quiet()
    {
        Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = true }, now);
        var written = File.ReadAllBytes(FileOf("b"));
        File.WriteAllLines(Path.Combine(ws.UnitPath("b"), "run.txt"), ["lr=0.01", "optimizer=adam", "score=0.2,0.9,0.91"]);

        ws.Changed(Path.Combine(ws.UnitPath("b"), "run.txt"));
        Assert.Equal(written, File.ReadAllBytes(FileOf("b")));
        Assert.Empty(Mirror.RefreshSnapshots([ws.RunId("b")], DateTimeOffset.UtcNow));

        var quiet = Mirror.RefreshSnapshots([ws.RunId("b")], DateTimeOffset.UtcNow + TimeSpan.FromMinutes(6));

        Assert.Equal([ws.RunId("b")], quiet);
        Assert.Equal(0.91, AnnotationFileFormat.Read(FileOf("b")).Annotation!.Snapshot!.Metrics["score"]);
    }

    [Fact]
    public void A_file_edited_into_invalid_json_is_a_located_problem_is_never_touched_and_refuses_changes_until_fixed()
    {
        Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = true }, now);
        var broken = File.ReadAllText(FileOf("b")).Replace("\"starred\": true,", "\"starred\": true,,", StringComparison.Ordinal);
        File.WriteAllText(FileOf("b"), broken);
        var bytes = File.ReadAllBytes(FileOf("b"));

        ws.Changed(FileOf("b"));
        var problem = Assert.Single(ws.Store.GetProblems());
        Assert.Equal((FileOf("b"), 4), (problem.Path, problem.Line));
        Assert.Null(ws.Store.GetAnnotation(ws.RunId("b")));

        var error = Assert.Throws<AnnotationFileException>(() => Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = false }, now));
        Assert.Contains(FileOf("b") + ":4:", error.Message, StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(ws.UnitPath("b"), "run.txt"), ["lr=0.5", "score=0.1"]);
        ws.Scan();
        Directory.Delete(ws.UnitPath("b"), recursive: true);
        ws.Scan();
        Assert.Equal(bytes, File.ReadAllBytes(FileOf("b")));
        Assert.Null(ws.Store.GetRunDetails(ws.RunId("b"), null));

        File.WriteAllText(FileOf("b"), broken.Replace(",,", ",", StringComparison.Ordinal));
        ws.Changed(FileOf("b"));
        Assert.Empty(ws.Store.GetProblems());
        Assert.True(ws.Store.GetRunDetails(ws.RunId("b"), null)!.Run.Gone);
    }

    [Fact]
    public void A_new_file_that_does_not_parse_is_announced_so_its_problem_shows_and_again_when_it_is_fixed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FileOf("a"))!);
        File.WriteAllText(FileOf("a"), "{\"starred\": yes}");

        var broken = ws.Changed(FileOf("a"));
        Assert.Equal([ws.RunId("a")], broken.ChangedRunIds);
        Assert.Equal(1, ws.Store.GetCounts(now, TimeSpan.Zero).Problems);
        Assert.Empty(ws.Changed(FileOf("a")).ChangedRunIds);

        File.WriteAllText(FileOf("a"), "{\"starred\": true}");
        var fixedUp = ws.Changed(FileOf("a"));
        Assert.Equal([ws.RunId("a")], fixedUp.ChangedRunIds);
        Assert.Equal(0, ws.Store.GetCounts(now, TimeSpan.Zero).Problems);
        Assert.True(ws.Store.GetAnnotation(ws.RunId("a"))!.Starred);
    }

    [Fact]
    public void An_edit_on_disk_is_mirrored_and_reported_only_when_something_changed()
    {
        Mirror.Apply(ws.RunId("a"), new AnnotationChange { Starred = true }, now);
        var annotation = AnnotationFileFormat.Read(FileOf("a")).Annotation!;
        File.WriteAllText(FileOf("a"), AnnotationFileFormat.Serialize(annotation with { Tags = ["from-git"], Note = "pulled" }));

        var edited = ws.Changed(FileOf("a"));
        var again = ws.Changed(FileOf("a"));

        Assert.Equal([ws.RunId("a")], edited.ChangedRunIds);
        Assert.Empty(again.ChangedRunIds);
        var row = ws.Store.GetAnnotation(ws.RunId("a"))!;
        Assert.Equal((true, "pulled"), (row.Starred, row.Note));
        Assert.Equal(["from-git"], row.Tags);
        Assert.Equal(0, ws.Reader.ReadsOf(ws.UnitPath("a")) - 1);
    }

    [Fact]
    public void A_full_scan_picks_up_files_that_came_with_a_pull_and_drops_those_deleted()
    {
        var other = AnnotationFileFormat.Serialize(new RunAnnotation { RunId = ws.RunId("a"), Tags = ["shared"] });
        Directory.CreateDirectory(Path.GetDirectoryName(FileOf("a"))!);
        File.WriteAllText(FileOf("a"), other);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(FileOf("a"))!, "notes.txt"), "not an annotation");

        var pulled = ws.Scan();
        Assert.Equal([ws.RunId("a")], pulled.ChangedRunIds);
        Assert.Equal(["shared"], ws.Store.GetAnnotation(ws.RunId("a"))!.Tags);

        File.Delete(FileOf("a"));
        var dropped = ws.Scan();
        Assert.Equal([ws.RunId("a")], dropped.ChangedRunIds);
        Assert.Null(ws.Store.GetAnnotation(ws.RunId("a")));
    }

    [Fact]
    public void Fields_added_by_hand_survive_a_change_and_a_snapshot_refresh()
    {
        Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = true }, now);
        var text = File.ReadAllText(FileOf("b"))
            .Replace("\"version\": 1,", "\"version\": 1,\n  \"reviewer\": \"ana\",", StringComparison.Ordinal)
            .Replace("\"name\": \"b\",", "\"name\": \"b\",\n    \"gpuHours\": 3.5,", StringComparison.Ordinal);
        File.WriteAllText(FileOf("b"), text);
        ws.Changed(FileOf("b"));

        Mirror.Apply(ws.RunId("b"), new AnnotationChange { AddTags = ["kept"] }, now);
        Rewrite("b", "lr=0.03", "score=0.5");
        ws.Scan();

        var annotation = AnnotationFileFormat.Read(FileOf("b")).Annotation!;
        Assert.Equal("\"ana\"", annotation.Extra!["reviewer"]!.ToJsonString());
        Assert.Equal(3.5, annotation.Snapshot!.Extra!["gpuHours"]!.GetValue<double>());
        Assert.Equal(("0.03", true), (annotation.Snapshot.Params["lr"], annotation.Starred));
        Assert.Equal(["kept"], annotation.Tags);
    }

    [Fact]
    public void Removing_the_last_star_tag_and_note_keeps_the_file_with_its_snapshot()
    {
        Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = true, Tags = ["x"], Note = "n" }, now);

        var blank = Mirror.Apply(ws.RunId("b"), new AnnotationChange { Starred = false, Tags = [], Note = "" }, now);

        Assert.True(blank.IsBlank);
        var kept = AnnotationFileFormat.Read(FileOf("b")).Annotation!;
        Assert.True(kept.IsBlank);
        Assert.Equal("0.01", kept.Snapshot!.Params["lr"]);
    }

    [Fact]
    public void Annotating_a_run_the_index_does_not_hold_or_a_run_id_that_is_a_path_fails_and_writes_nothing()
    {
        Assert.Throws<AnnotationFileException>(() => Mirror.Apply("0000000000000000", new AnnotationChange { Starred = true }, now));
        Assert.Throws<AnnotationFileException>(() => Mirror.Apply("../../evil", new AnnotationChange { Starred = true }, now));

        Assert.False(Directory.Exists(Path.Combine(ws.Root, ".ide-tracker")));
    }

    public void Dispose() => ws.Dispose();
}
