using IdeTracker.Core.Index;
using IdeTracker.Core.Notes.Drafts;
using IdeTracker.Core.Presentation;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Notes;

/// <summary>Drafts of corpus runs: every value the draft should hold is read from the index in the test (or, for
/// the previous run, worked out from all runs' start times), never written down here.</summary>
public sealed class ReadmeDrafterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly MetricChoice Loss = new("training.loss", HigherIsBetter: false, Configured: true);

    private readonly DraftWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private ReadmeDraft Draft(string transcript, MetricChoice? metric, params string[] selected) =>
        new ReadmeDrafter(_workspace.Store, metric).Draft(new DraftRequest(transcript, selected, _workspace.NoteFolder, Now));

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf($"## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading} in:\n{markdown}");
        var end = markdown.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [Fact]
    public void The_draft_holds_the_runs_real_params_results_and_reproduce_facts()
    {
        var run = _workspace.SacredRuns[1];

        var draft = Draft("Lowered the learning rate. It trained smoothly.", Loss, run.Run.Id);

        Assert.Equal(RunLinkReason.Selected, draft.LinkReason);
        Assert.Equal([run.Run.Id], draft.RunIds);
        var parameters = Section(draft.Markdown, "Params");
        Assert.NotEmpty(run.Params);
        foreach (var (key, value) in run.Params)
        {
            Assert.Contains($"| {MarkdownText.Code(key)} | {MarkdownText.EscapeForEditing(value)} |", parameters, StringComparison.Ordinal);
        }

        var results = Section(draft.Markdown, "Results");
        var loss = run.Metrics[Loss.Key];
        Assert.Contains($"best (lower is better) | {MarkdownText.EscapeForEditing(Labels.Metric(loss.Min))} |", results, StringComparison.Ordinal);
        Assert.Contains($"{MarkdownText.Code(Loss.Key)} last | {MarkdownText.EscapeForEditing(Labels.Metric(loss.Last))} |", results, StringComparison.Ordinal);
        Assert.Contains($"| Duration | {MarkdownText.EscapeForEditing(Labels.RunDuration(run.Run.StartTime, run.Run.EndTime)!)} |", results, StringComparison.Ordinal);
        Assert.Contains(Labels.TimeAgo(run.Run.StartTime!.Value, Now), results, StringComparison.Ordinal);

        var reproduce = Section(draft.Markdown, "Reproduce");
        Assert.Contains(run.Command!, reproduce, StringComparison.Ordinal);
        Assert.Contains(MarkdownText.Code(run.GitCommit!), reproduce, StringComparison.Ordinal);
        Assert.Equal(run.GitDirty == true, reproduce.Contains("uncommitted changes", StringComparison.Ordinal));
        Assert.Contains(MarkdownText.Code(Path.GetRelativePath(_workspace.Root, run.Run.Directory).Replace('\\', '/')), reproduce, StringComparison.Ordinal);
        Assert.All(run.DataInputs, input => Assert.Contains(MarkdownText.Code(input.Path), reproduce, StringComparison.Ordinal));
        Assert.All(run.Packages, p => Assert.Contains(MarkdownText.Code($"{p.Key}=={p.Value}"), reproduce, StringComparison.Ordinal));
    }

    [Fact]
    public void What_changed_lists_every_param_that_differs_from_the_run_of_the_experiment_that_started_just_before()
    {
        var run = _workspace.SacredRuns[2];
        var previous = _workspace.AllRuns
            .Where(r => r.Run.Experiment == run.Run.Experiment && r.Run.StoreKey == run.Run.StoreKey && r.Run.StartTime < run.Run.StartTime)
            .MaxBy(r => r.Run.StartTime)!;
        var differing = run.Params.Keys.Union(previous.Params.Keys)
            .Where(k => previous.Params.GetValueOrDefault(k) != run.Params.GetValueOrDefault(k))
            .ToList();
        Assert.NotEmpty(differing);

        var changed = Section(Draft("Another seed.", Loss, run.Run.Id).Markdown, "What changed");

        Assert.Contains($"**{MarkdownText.EscapeForEditing(previous.Run.Name)}**", changed, StringComparison.Ordinal);
        Assert.Contains("previous run of its experiment", changed, StringComparison.Ordinal);
        foreach (var key in differing)
        {
            var line = Assert.Single(changed.Split('\n'), l => l.StartsWith($"- {MarkdownText.Code(key)} ", StringComparison.Ordinal));
            if (previous.Params.TryGetValue(key, out var from) && run.Params.TryGetValue(key, out var to))
            {
                Assert.EndsWith($"{MarkdownText.EscapeForEditing(from)} → {MarkdownText.EscapeForEditing(to)}", line, StringComparison.Ordinal);
            }
        }

        Assert.Equal(differing.Count, changed.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Several_selected_runs_get_one_column_each_in_params_and_results()
    {
        var runs = _workspace.SacredRuns.Take(3).ToList();

        var draft = Draft("Three seeds.", Loss, [.. runs.Select(r => r.Run.Id)]);

        var header = $"| Param | {string.Join(" | ", runs.Select(r => MarkdownText.EscapeForEditing(r.Run.Name)))} |";
        Assert.Contains(header, Section(draft.Markdown, "Params"), StringComparison.Ordinal);
        Assert.Contains($"| {MarkdownText.Code("seed")} | {string.Join(" | ", runs.Select(r => r.Params["seed"]))} |", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains(
            $"{MarkdownText.Code(Loss.Key)} last | {string.Join(" | ", runs.Select(r => MarkdownText.EscapeForEditing(Labels.Metric(r.Metrics[Loss.Key].Last))))} |",
            Section(draft.Markdown, "Results"),
            StringComparison.Ordinal);
        Assert.Equal(3, Section(draft.Markdown, "Reproduce").Split('\n').Count(l => l.StartsWith("### ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_first_run_of_the_workspace_has_no_earlier_run_to_compare_with()
    {
        var first = _workspace.AllRuns.Where(r => r.Run.StartTime is not null).MinBy(r => r.Run.StartTime)!;

        var changed = Section(Draft("First.", null, first.Run.Id).Markdown, "What changed");

        Assert.Contains("no earlier run to compare with", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_steps_come_from_the_transcript_as_bullets_and_the_rest_is_what_was_tried()
    {
        var draft = Draft(
            "Tried a smaller LSTM on model size sweep four. It converged faster. Next I'll try a GRU. I want to try a lower learning rate.", Loss);

        Assert.Equal(RunLinkReason.Spoken, draft.LinkReason);
        Assert.Equal([_workspace.RunNamed("model-size-sweep #4").Run.Id], draft.RunIds);
        Assert.StartsWith("# Tried a smaller LSTM on model size sweep four\n", draft.Markdown, StringComparison.Ordinal);
        var next = Section(draft.Markdown, "Next steps");
        Assert.Contains($"- {MarkdownText.EscapeForEditing("Next I'll try a GRU.")}", next, StringComparison.Ordinal);
        Assert.Contains($"- {MarkdownText.EscapeForEditing("I want to try a lower learning rate.")}", next, StringComparison.Ordinal);
        var tried = Section(draft.Markdown, "What I tried and why");
        Assert.Contains(MarkdownText.EscapeForEditing("It converged faster."), tried, StringComparison.Ordinal);
        Assert.DoesNotContain("GRU", tried, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silent_note_says_so_plainly_and_still_drafts_the_run_sections()
    {
        var run = _workspace.SacredRuns[0];

        var draft = Draft("[BLANK_AUDIO]", Loss, run.Run.Id);

        Assert.StartsWith($"# {MarkdownText.EscapeForEditing(run.Run.Name)}\n", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("This note had no speech", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains(MarkdownText.EscapeForEditing(run.Params["lr"]), Section(draft.Markdown, "Params"), StringComparison.Ordinal);
        Assert.Single(draft.PlotFiles);
        Assert.Contains("_None said._", Section(draft.Markdown, "Next steps"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_run_name_and_param_value_stay_text_in_headings_tables_and_links()
    {
        const string hostile = "evil | run\n# <img src=x onerror=alert(1)> *bold* [link](http://x) `tick`";
        var store = Path.Combine(_workspace.Root, "generated", "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "5", "generated");
        RunFixtures.WriteMlflowRun(store, "5", "feedfeed0001", "\"" + hostile.Replace("\n", "\\n", StringComparison.Ordinal) + "\"", startMs: 1_900_000_000_000,
            parameters: new Dictionary<string, string> { ["note"] = "a | b", ["lr"] = "0.1" },
            metrics: new Dictionary<string, double[]> { ["val/acc"] = [0.5, 0.6, 0.7] });
        var run = Assert.Single(_workspace.AllRuns, r => r.Run.Experiment == "generated");
        Assert.Equal(hostile, run.Run.Name);

        var draft = Draft("", new MetricChoice("val/acc", true, true), run.Run.Id);

        Assert.DoesNotMatch(@"(?<!\\)<img", draft.Markdown);
        Assert.DoesNotContain("[link](", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# <", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains(MarkdownText.EscapeForEditing(hostile), draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("| a \\| b |", Section(draft.Markdown, "Params"), StringComparison.Ordinal);
        foreach (var line in draft.Markdown.Split('\n').Where(l => l.StartsWith('|')))
        {
            var header = draft.Markdown.Split('\n').First(l => l.StartsWith('|'));
            Assert.Equal(Cells(header), Cells(line));
        }

        var plot = Assert.Single(draft.PlotFiles);
        Assert.Equal(Path.Combine(_workspace.NoteFolder, "val-acc.png"), plot);
        Assert.Contains("](./val-acc.png)", draft.Markdown, StringComparison.Ordinal);
    }

    /// <summary>Cells of a table row: pipes not escaped by a backslash.</summary>
    private static int Cells(string row) => row.Where((c, i) => c == '|' && (i == 0 || row[i - 1] != '\\')).Count();

    [Fact]
    public void Plots_are_written_into_the_note_folder_one_line_per_run_and_a_run_without_a_series_says_so()
    {
        var withSeries = _workspace.SacredRuns[0];
        var withoutSeries = _workspace.AllRuns.First(r => r.Run.Source == "mlflow" && r.Metrics.Count == 0);

        var draft = Draft("Comparing.", Loss, withSeries.Run.Id, withoutSeries.Run.Id);

        var plot = Assert.Single(draft.PlotFiles);
        Assert.Equal(_workspace.NoteFolder, Path.GetDirectoryName(plot));
        Assert.True(PngCheck.HasDrawing(plot, MetricPlot.Width, MetricPlot.Height));
        var plots = Section(draft.Markdown, "Plots");
        Assert.Contains($"![{MarkdownText.EscapeForEditing(Loss.Key)}](./{Path.GetFileName(plot)})", plots, StringComparison.Ordinal);
        Assert.Contains($"for **{MarkdownText.EscapeForEditing(withoutSeries.Run.Name)}**: the index holds no history", plots, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_workspace.NoteFolder, "*.tmp"));
    }

    [Fact]
    public void A_run_without_any_metric_gets_no_plot_and_a_line_saying_why()
    {
        var run = _workspace.AllRuns.First(r => r.Run.Source == "mlflow" && r.Metrics.Count == 0);

        var draft = Draft("Failed run.", new MetricChoice("r2", true, false), run.Run.Id);

        Assert.Empty(draft.PlotFiles);
        Assert.Contains($"No plot: no linked run logged {MarkdownText.Code("r2")}", Section(draft.Markdown, "Plots"), StringComparison.Ordinal);
    }
}
