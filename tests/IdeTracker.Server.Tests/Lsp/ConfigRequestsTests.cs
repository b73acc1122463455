using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>Hover, code lenses, inlay hints and diagnostics on config files through the real server over JSON-RPC,
/// on runs written as real MLflow folders and configs in every syntax the server reads.</summary>
public sealed class ConfigRequestsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _storage;
    private readonly string _store;

    public ConfigRequestsTests()
    {
        _workspace = _temp.Combine("workspace");
        _storage = _temp.Combine("storage");
        _store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(_store, "1", "sweep");
        Run("a1", "adam-small", "0.001", "adam", 64, [0.70, 0.91]);
        Run("a2", "adam-small-again", "1e-3", "adam", 64, [0.72, 0.93]);
        Run("a3", "adam-large", "0.01", "adam", 32, [0.60, 0.85]);
        Run("s1", "sgd-huge", "1", "sgd", 32, [0.10], status: 4);
    }

    public void Dispose() => _temp.Dispose();

    private void Run(string native, string name, string lr, string optimizer, int batchSize, double[] valAcc, int status = 3) =>
        RunFixtures.WriteMlflowRun(_store, "1", native.PadRight(32, '0'), name, status: status,
            parameters: new Dictionary<string, string> { ["lr"] = lr, ["optimizer"] = optimizer, ["batch_size"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = valAcc });

    private string Uri(string name) => DocumentUris.FromPath(Path.Combine(_workspace, name));

    private async Task<InProcessServer> StartAsync(object? capabilities = null)
    {
        var server = await InProcessServer.StartAsync(_workspace, _storage, capabilities: capabilities);
        await server.WaitUntilIndexedAsync();
        return server;
    }

    private static Task OpenAsync(InProcessServer server, string uri, string languageId, string text) =>
        server.Client.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version = 1, text } });

    private static async Task<string?> HoverAsync(InProcessServer server, string uri, int line, int character)
    {
        var hover = await server.RequestAsync<JsonElement>("textDocument/hover", new { textDocument = new { uri }, position = new { line, character } });
        return hover.ValueKind == JsonValueKind.Null ? null : Plain(hover.GetProperty("contents").GetProperty("value").GetString()!);
    }

    /// <summary>The card's Markdown with its backslash escapes taken out, as a person reads it.</summary>
    private static string Plain(string markdown) => System.Text.RegularExpressions.Regex.Replace(markdown, @"\\([\\`*_{}\[\]()#+\-.!|<>~])", "$1");

    [Fact]
    public async Task The_server_says_it_offers_config_features()
    {
        await using var server = await StartAsync();

        var capabilities = server.InitializeResult.GetProperty("capabilities");
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        Assert.True(capabilities.GetProperty("codeLensProvider").GetProperty("resolveProvider").GetBoolean());
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.Equal(JsonValueKind.Object, capabilities.GetProperty("inlayHintProvider").ValueKind);
    }

    [Theory]
    [InlineData("params.yaml", "yaml", "optimizer:\n  name: adam\n  lr: 0.001\n", 2, 6)]
    [InlineData("config.json", "json", "{\n  \"optimizer\": {\"lr\": 1e-3, \"name\": \"adam\"}\n}\n", 1, 23)]
    [InlineData("config.toml", "toml", "[optimizer]\nlr = 0.001\n", 1, 6)]
    [InlineData("train.py", "python", "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float, default=0.001)\n", 2, 45)]
    [InlineData("settings.py", "python", "LR = 3\nlr = 0.001  # the tried value\n", 1, 6)]
    public async Task A_hover_on_a_value_tells_how_the_runs_with_it_did(string file, string languageId, string text, int line, int character)
    {
        await using var server = await StartAsync();
        var uri = Uri(file);
        await OpenAsync(server, uri, languageId, text);

        var card = await HoverAsync(server, uri, line, character);

        Assert.NotNull(card);
        Assert.Contains("2 runs", card);
        Assert.Contains("val_acc", card);
        Assert.Contains("adam-small-again", card);
    }

    [Fact]
    public async Task A_hover_on_a_key_sums_up_the_values_tried()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "optimizer:\n  lr: 0.5\n");

        var card = await HoverAsync(server, uri, 1, 3);

        Assert.NotNull(card);
        Assert.Contains("4 runs", card);
        Assert.Contains("0.01", card);
        Assert.Contains("val_acc", card);
    }

    [Fact]
    public async Task A_key_two_params_fit_equally_says_so_instead_of_guessing()
    {
        RunFixtures.WriteMlflowRun(_store, "1", "m1".PadRight(32, '0'), "nested-lrs",
            parameters: new Dictionary<string, string> { ["model.dropout"] = "0.2", ["head.dropout"] = "0.3" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.5] });
        await using var server = await StartAsync();
        var uri = Uri("config.toml");
        await OpenAsync(server, uri, "toml", "dropout = 0.2\n");

        var card = await HoverAsync(server, uri, 0, 11);

        Assert.NotNull(card);
        Assert.Contains("model.dropout", card);
        Assert.Contains("head.dropout", card);
        Assert.DoesNotContain("runs used this value", card);
    }

    [Fact]
    public async Task A_50000_line_config_gets_its_hover_lenses_and_hints()
    {
        await using var server = await StartAsync();
        var uri = Uri("huge.yaml");
        var lines = Enumerable.Range(0, 50_000).Select(i => i == 40_000 ? "lr: 0.001" : $"setting_{i}: {i}");
        await OpenAsync(server, uri, "yaml", string.Join('\n', lines) + "\n");

        var card = await HoverAsync(server, uri, 40_000, 5);
        var lenses = await server.RequestAsync<JsonElement>("textDocument/codeLens", new { textDocument = new { uri } });
        var hints = await server.RequestAsync<JsonElement>("textDocument/inlayHint", new
        {
            textDocument = new { uri },
            range = new { start = new { line = 39_990, character = 0 }, end = new { line = 40_010, character = 0 } },
        });

        Assert.NotNull(card);
        Assert.Contains("2 runs", card);
        Assert.Equal([0, 40_000], lenses.EnumerateArray().Select(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()).Order());
        Assert.Equal(40_000, hints.EnumerateArray().Single().GetProperty("position").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_hover_follows_unsaved_edits()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "lr: 0.001\nbatch_size: 64\n");

        await server.Client.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 0, character = 4 }, end = new { line = 0, character = 9 } }, text = "0.01" } },
        });
        var edited = await HoverAsync(server, uri, 0, 5);
        await server.Client.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 3 },
            contentChanges = new[] { new { range = new { start = new { line = 0, character = 4 }, end = new { line = 0, character = 8 } }, text = "0.5" } },
        });
        var untried = await HoverAsync(server, uri, 0, 5);

        Assert.NotNull(edited);
        Assert.Contains("adam-large", edited);
        Assert.NotNull(untried);
        Assert.Contains("never", untried, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Half_typed_text_gives_answers_or_nothing_and_never_an_error()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "optimizer:\n  lr: 0.001\n  name: \"ad");

        var card = await HoverAsync(server, uri, 1, 7);
        var nothing = await HoverAsync(server, uri, 2, 10);
        var lenses = await server.RequestAsync<JsonElement>("textDocument/codeLens", new { textDocument = new { uri } });

        Assert.NotNull(card);
        Assert.Contains("2 runs", card);
        Assert.Null(nothing);
        Assert.Equal(JsonValueKind.Array, lenses.ValueKind);
    }

    [Fact]
    public async Task Code_lenses_come_unresolved_and_resolve_to_a_compare_command()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "lr: 0.001\nbatch_size: 64\nunknown_key: 3\n");

        var lenses = await server.RequestAsync<JsonElement>("textDocument/codeLens", new { textDocument = new { uri } });
        Assert.All(lenses.EnumerateArray(), lens => Assert.False(lens.TryGetProperty("command", out _)));
        var onLr = lenses.EnumerateArray().Single(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 0
            && l.GetProperty("data").TryGetProperty("key", out var key) && key.GetString() == "lr");
        var resolved = await server.RequestAsync<JsonElement>("codeLens/resolve", onLr);

        var command = resolved.GetProperty("command");
        Assert.Contains("runs", command.GetProperty("title").GetString());
        Assert.Equal("ideTracker.compareRunIds", command.GetProperty("command").GetString());
        Assert.Equal(4, command.GetProperty("arguments")[0].GetArrayLength());
        Assert.DoesNotContain(lenses.EnumerateArray(), l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 2);
    }

    [Fact]
    public async Task Inlay_hints_follow_the_values_of_matched_keys_inside_the_range()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "lr: 0.001\nbatch_size: 64\nunknown_key: 3\n");

        var hints = await server.RequestAsync<JsonElement>("textDocument/inlayHint", new
        {
            textDocument = new { uri },
            range = new { start = new { line = 0, character = 0 }, end = new { line = 3, character = 0 } },
        });
        var firstLineOnly = await server.RequestAsync<JsonElement>("textDocument/inlayHint", new
        {
            textDocument = new { uri },
            range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 9 } },
        });

        var lines = hints.EnumerateArray().Select(h => h.GetProperty("position").GetProperty("line").GetInt32()).ToList();
        Assert.Equal([0, 1], lines);
        Assert.Equal(9, hints[0].GetProperty("position").GetProperty("character").GetInt32());
        Assert.Contains("0.93", hints[0].GetProperty("label").GetString());
        Assert.Single(firstLineOnly.EnumerateArray());
    }

    [Fact]
    public async Task A_value_whose_every_run_failed_gets_an_information_diagnostic()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "lr: 1\noptimizer: sgd\n");

        var published = await server.Notifications.WaitForAsync("textDocument/publishDiagnostics",
            p => p.GetProperty("uri").GetString() == uri && p.GetProperty("diagnostics").GetArrayLength() > 0);

        var diagnostics = published.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.All(diagnostics, d => Assert.True(d.GetProperty("severity").GetInt32() >= 3, "never above information"));
        Assert.Contains(diagnostics, d => d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 0
            && d.GetProperty("message").GetString()!.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("sgd-huge", published.GetRawText());
    }

    [Fact]
    public async Task Closing_a_file_clears_its_diagnostics_and_forgets_it()
    {
        await using var server = await StartAsync();
        var uri = Uri("params.yaml");
        await OpenAsync(server, uri, "yaml", "lr: 1\n");
        await server.Notifications.WaitForAsync("textDocument/publishDiagnostics", p => p.GetProperty("diagnostics").GetArrayLength() > 0);

        await server.Client.NotifyWithParameterObjectAsync("textDocument/didClose", new { textDocument = new { uri } });

        await server.Notifications.WaitForAsync("textDocument/publishDiagnostics",
            p => p.GetProperty("uri").GetString() == uri && p.GetProperty("diagnostics").GetArrayLength() == 0);
        Assert.Null(await HoverAsync(server, uri, 0, 4));
    }

    [Fact]
    public async Task A_new_run_asks_a_client_that_can_to_redraw_lenses_and_hints()
    {
        await using var server = await StartAsync(new
        {
            window = new { workDoneProgress = true },
            workspace = new { codeLens = new { refreshSupport = true }, inlayHint = new { refreshSupport = true } },
        });
        await OpenAsync(server, Uri("params.yaml"), "yaml", "lr: 0.001\n");
        Assert.Contains("2 runs", await HoverAsync(server, Uri("params.yaml"), 0, 5));
        var before = server.Notifications.Count("workspace/codeLens/refresh");

        Run("a4", "adam-small-third", "0.001", "adam", 64, [0.95]);
        await server.Client.NotifyWithParameterObjectAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = DocumentUris.FromPath(Path.Combine(_store, "1", "a4".PadRight(32, '0'), "meta.yaml")), type = 1 } },
        });

        await server.Notifications.WaitForAsync("workspace/codeLens/refresh", skip: before);
        await server.Notifications.WaitForAsync("workspace/inlayHint/refresh");
        var card = await HoverAsync(server, Uri("params.yaml"), 0, 5);
        Assert.NotNull(card);
        Assert.Contains("3 runs", card);
    }
}
