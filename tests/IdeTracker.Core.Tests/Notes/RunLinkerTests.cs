using IdeTracker.Core.Index;
using IdeTracker.Core.Notes.Drafts;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Notes;

/// <summary>Linking on the corpus workspace of <see cref="DraftWorkspace"/>: the three reasons, and the ways a run is named.</summary>
public sealed class RunLinkerTests : IDisposable
{
    private readonly DraftWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private RunLinker Linker => new(_workspace.Store);

    [Fact]
    public void Selected_runs_the_index_holds_win_over_names_in_the_note_and_unknown_ids_are_dropped()
    {
        var sacred = _workspace.SacredRuns;

        var link = Linker.Link($"This is about {_workspace.AllRuns.First(r => r.Run.Source == "mlflow").Run.Name}.", ["no-such-run", sacred[2].Run.Id, sacred[0].Run.Id]);

        Assert.Equal(RunLinkReason.Selected, link.Reason);
        Assert.Equal([sacred[2].Run.Id, sacred[0].Run.Id], link.RunIds);
    }

    [Fact]
    public void Runs_named_in_the_note_are_linked_in_the_order_named_with_spoken_numbers()
    {
        var sacred = _workspace.SacredRuns;
        var mlflow = _workspace.AllRuns.First(r => r.Run.Source == "mlflow" && r.Run.Name.Contains('-'));
        Assert.Equal("model-size-sweep #3", sacred[2].Run.Name);

        var link = Linker.Link($"First I looked at model size sweep three, then compared it with {mlflow.Run.Name.Replace('-', ' ')}.", []);

        Assert.Equal(RunLinkReason.Spoken, link.Reason);
        Assert.Equal([sacred[2].Run.Id, mlflow.Run.Id], link.RunIds);
    }

    [Fact]
    public void A_unique_id_prefix_or_a_native_id_names_a_run()
    {
        var run = _workspace.SacredRuns[1];
        var mlflow = _workspace.AllRuns.First(r => r.Run.Source == "mlflow");

        Assert.Equal([run.Run.Id], Linker.Link($"Run {run.Run.Id[..8]} was the good one.", []).RunIds);
        Assert.Equal([mlflow.Run.Id], Linker.Link($"See {mlflow.NativeId}.", []).RunIds);
    }

    [Fact]
    public void An_experiment_named_in_the_note_stands_for_its_latest_run_but_common_words_name_nothing()
    {
        var latest = _workspace.SacredRuns[^1];

        Assert.Equal([latest.Run.Id], Linker.Link("Notes on the model-size-sweep experiment.", []).RunIds);
        Assert.Empty(Linker.Spoken("By default the model trains for a while and the results look fine."));
    }

    [Fact]
    public void With_nothing_selected_or_named_the_workspaces_most_recent_run_is_linked()
    {
        var latest = _workspace.AllRuns.Where(r => r.Run.StartTime is not null).MaxBy(r => r.Run.StartTime)!;

        var link = Linker.Link("Nothing in particular.", []);

        Assert.Equal(RunLinkReason.MostRecent, link.Reason);
        Assert.Equal([latest.Run.Id], link.RunIds);
    }

    [Fact]
    public void An_empty_workspace_links_nothing()
    {
        using var temp = new TempDirectory();
        using var store = IndexStore.Open(temp.Combine("index.db"), temp.Combine("ws"));

        var link = new RunLinker(store).Link("run seven", ["abc"]);

        Assert.Equal((RunLinkReason.None, 0), (link.Reason, link.RunIds.Count));
    }
}
