using System.Text.Json;
using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Configs;
using IdeTracker.Server.Protocol;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;
using Range = IdeTracker.Server.Protocol.Range;

namespace IdeTracker.Server.Tests.Configs;

public sealed class ConfigInsightsTests
{
    private const string Uri = "file:///ws/conf/params.yaml";
    private static readonly ConfigEntry Lr = Scalar("optimizer.lr", "0.001", line: 1);
    private static readonly ConfigEntry Batch = Scalar("batch", "64", line: 2);
    private static readonly ConfigEntry Seed = Scalar("seed", "7", line: 3);
    private static readonly ConfigEntry Width = Scalar("width", "8", line: 4);
    private static readonly ConfigDocument Doc = Document(Section("optimizer"), Lr, Batch, Seed, Width);
    private readonly TestConfigResults _results = new TestConfigResults()
        .With("optimizer.lr", Key(ValAcc, Value("0.001", 0.001, 4, 0.93), Value("0.01", 0.01, 2, 0.9)))
        .With("batch", Key(ValAcc, Value("32", 32, 3, 0.91)))
        .With("width", new KeyResults(new KeyMatch(KeyMatchKind.Ambiguous, null, ["enc.width", "dec.width"]), ValAcc, 0, []));

    private ConfigInsights Insights(Func<string, DateTimeOffset?>? lastWrite = null) =>
        new(_results, () => ValAcc, "/ws", lastWrite ?? (_ => null));

    [Fact]
    public void Hovering_a_value_gives_its_card_over_the_value()
    {
        var hover = Insights().Hover(Doc, new Position(1, 5), Now)!;

        Assert.Equal("markdown", hover.Contents.Kind);
        Assert.Contains("**4 runs** used this value", hover.Contents.Value);
        Assert.Equal(new Range(new(1, 4), new(1, 9)), hover.Range);
    }

    [Fact]
    public void Hovering_a_key_gives_the_summary_over_the_key()
    {
        var hover = Insights().Hover(Doc, new Position(1, 1), Now)!;

        Assert.Contains("6 runs set it to 2 values.", hover.Contents.Value);
        Assert.Equal(new Range(new(1, 0), new(1, 2)), hover.Range);
    }

    [Fact]
    public void Unmatched_keys_and_blank_places_have_no_hover_and_ambiguous_ones_say_so()
    {
        Assert.Null(Insights().Hover(Doc, new Position(3, 6), Now));
        Assert.Null(Insights().Hover(Doc, new Position(9, 0), Now));
        Assert.Contains("**enc\\.width**, **dec\\.width**", Insights().Hover(Doc, new Position(4, 8), Now)!.Contents.Value);
    }

    [Fact]
    public void Lenses_sit_at_the_top_and_above_each_matched_key_and_are_not_resolved_yet()
    {
        var lenses = Insights().CodeLenses(Doc, Uri, 7);

        Assert.Equal([null, "optimizer.lr", "batch"], lenses.Select(l => l.Data!.Key));
        Assert.All(lenses, l => Assert.Null(l.Command));
        Assert.All(lenses, l => Assert.Equal(new CodeLensData(Uri, 7, l.Data!.Key), l.Data));
        Assert.Equal([0, 1, 2], lenses.Select(l => l.Range.Start.Line));
        Assert.Equal(0, _results.DocumentCalls);
    }

    [Fact]
    public void Resolving_a_key_lens_gives_its_title_and_a_compare_of_its_runs_as_one_argument()
    {
        var insights = Insights();
        var lens = insights.CodeLenses(Doc, Uri, 7)[1];

        var command = insights.Resolve(lens, Doc, Now).Command!;

        Assert.Equal("6 runs · best val_acc 0.93 at 0.001 · compare", command.Title);
        Assert.Equal("ideTracker.compareRunIds", command.CommandName);
        var json = JsonSerializer.SerializeToElement(command.Arguments);
        Assert.Equal(["0.001-0", "0.01-0", "0.001-1", "0.01-1", "0.001-2", "0.001-3"], json[0].EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1, json.GetArrayLength());
    }

    [Fact]
    public void A_lens_resolves_against_the_document_given_even_after_its_version_moved_on()
    {
        var insights = Insights();
        var lens = insights.CodeLenses(Doc, Uri, 7)[1];
        var edited = Document(Scalar("optimizer.lr", "0.5", line: 6));
        var removed = Document(Batch);

        Assert.StartsWith("new value · 6 runs tried 2 other values", insights.Resolve(lens, edited, Now).Command!.Title);
        var gone = insights.Resolve(lens, removed, Now).Command!;
        Assert.Equal("no longer in this file", gone.Title);
        Assert.Equal(string.Empty, gone.CommandName);
    }

    [Fact]
    public void The_file_lens_resolves_to_its_runs_in_compare()
    {
        _results.File = new FileResults(2, 2, Run("r1", "resnet-a", 0.951), ["r1", "r2"], []);
        var insights = Insights();

        var command = insights.Resolve(insights.CodeLenses(Doc, Uri, 1)[0], Doc, Now).Command!;

        Assert.Equal("2 runs used this file · best val_acc 0.951 (resnet-a, 3 days ago) · open in compare", command.Title);
        Assert.Equal(["r1", "r2"], JsonSerializer.SerializeToElement(command.Arguments)[0].EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Inlay_hints_come_only_for_matched_values_inside_the_range()
    {
        var all = Insights().InlayHints(Doc, new Range(new(0, 0), new(10, 0)));
        var onlyBatch = Insights().InlayHints(Doc, new Range(new(2, 0), new(2, 100)));

        Assert.Equal(["← best 0.93 (4 runs)", "← not tried yet"], all.Select(h => h.Label));
        Assert.Equal(new Position(1, 9), all[0].Position);
        Assert.True(all[0].PaddingLeft);
        Assert.Contains("val\\_acc", all[0].Tooltip!.Value);
        Assert.Equal(["← not tried yet"], onlyBatch.Select(h => h.Label));
    }

    [Fact]
    public void Diagnostics_gather_failed_values_a_failed_config_and_changed_data()
    {
        var data = Scalar("data", "data/train.csv", line: 5);
        _results.With("seed", Key(ValAcc, Value("7", 7, 2, null, failed: 2)));
        _results.File = new FileResults(3, 2, Run("best", "resnet-a", 0.95), ["best"], [Run("f", "again", status: "failed", endedAgo: TimeSpan.FromDays(1))]);
        var insights = Insights(p => p == "/ws/data/train.csv" ? Now - TimeSpan.FromHours(2) : null);

        var diagnostics = insights.Diagnostics(Document(Lr, Seed, data), "/ws/conf/params.yaml", Now);

        Assert.Equal([ConfigDiagnostics.FailedConfig, ConfigDiagnostics.FailedValue, ConfigDiagnostics.DataChanged], diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.True(d.Severity >= 3));
        Assert.Equal("data/train.csv changed 2 hours ago, after the best run (resnet-a) finished 3 days ago", diagnostics[2].Message);
    }

    [Fact]
    public void A_config_with_nothing_to_say_has_no_diagnostics()
    {
        _results.File = new FileResults(3, 2, Run("best", "resnet-a", 0.95), ["best"], [Run("ok")]);
        var insights = Insights(_ => Now - TimeSpan.FromDays(30));

        Assert.Empty(insights.Diagnostics(Doc, "/ws/conf/params.yaml", Now));
    }

    [Fact]
    public void A_hydra_default_matched_to_the_groups_choice_gets_a_lens_a_hint_and_a_card_that_says_what_it_matched()
    {
        var hydra = new ConfigEntry(["optimizer"], TextSpan.OnLine(1, 4, 13), TextSpan.OnLine(1, 15, 19), "adam", ConfigEntryKind.HydraDefault);
        var results = new TestConfigResults().With("optimizer", new KeyResults(
            new KeyMatch(KeyMatchKind.HydraChoice, "hydra.choice.optimizer", []), ValAcc, 5, [Value("adam", null, 3, 0.9), Value("sgd", null, 2, 0.8)]));
        var insights = new ConfigInsights(results, () => ValAcc, "/ws", _ => null);
        var document = Document(Section("defaults"), hydra);

        Assert.Equal([null, "optimizer"], insights.CodeLenses(document, Uri, 1).Select(l => l.Data!.Key));
        Assert.Equal(["← best 0.9 (3 runs)"], insights.InlayHints(document, new Range(new(0, 0), new(5, 0))).Select(h => h.Label));
        Assert.Contains("Matched to the Hydra choice runs record as **hydra\\.choice\\.optimizer**.", insights.Hover(document, new Position(1, 16), Now)!.Contents.Value);
    }
}
