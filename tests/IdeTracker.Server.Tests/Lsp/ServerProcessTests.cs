using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>The real executable over stdio, as VS Code runs it.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Stdout_carries_only_lsp_frames_through_a_whole_session_and_exit_code_is_zero()
    {
        var workspace = _temp.Combine("ws");
        var store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        RunFixtures.WriteMlflowRun(store, "0", new string('e', 32), "echo", metrics: new Dictionary<string, double[]> { ["loss"] = [1, 0.5] });
        // A broken run makes the server log a problem, which must go to stderr or logMessage, never raw stdout.
        File.WriteAllText(Path.Combine(store, "0", new string('e', 32), "metrics", "broken"), "not a metric line\n");

        using var server = new ServerProcess();
        var init = server.Send("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = DocumentUris.FromPath(workspace),
            capabilities = new { window = new { workDoneProgress = true } },
            initializationOptions = new { storagePath = _temp.Combine("storage") },
        });
        var initResult = await server.WaitForFrameAsync(f => Id(f) == init, Timeout);
        Assert.Equal("ide-tracker", initResult.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
        server.Send("initialized", new { }, isRequest: false);

        // The server asks for a progress token; answer it as a client would.
        var create = await server.WaitForFrameAsync(f => Method(f) == "window/workDoneProgress/create", Timeout);
        var answer = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = create.GetProperty("id"), result = (object?)null });
        server.Process.StandardInput.BaseStream.Write(System.Text.Encoding.ASCII.GetBytes($"Content-Length: {answer.Length}\r\n\r\n"));
        server.Process.StandardInput.BaseStream.Write(answer);
        server.Process.StandardInput.BaseStream.Flush();

        await server.WaitForFrameAsync(f => Method(f) == "ideTracker/indexStatus" && f.GetProperty("params").GetProperty("state").GetString() == "ready", Timeout);
        var tree = server.Send("ideTracker/runTree", new { });
        var treeResult = await server.WaitForFrameAsync(f => Id(f) == tree, Timeout);
        Assert.Contains(treeResult.GetProperty("result").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("label").GetString() == "mlruns");

        var shutdown = server.Send("shutdown", null);
        await server.WaitForFrameAsync(f => Id(f) == shutdown, Timeout);
        server.Send("exit", null, isRequest: false);
        await server.WaitForExitAsync(Timeout);

        Assert.Equal(0, server.Process.ExitCode);
        var frames = LspFrameReader.ReadAll(server.StdoutBytes());
        Assert.True(frames.Count >= 5, $"expected a session's worth of frames, got {frames.Count}");
        Assert.All(frames, f => Assert.Equal("2.0", f.RootElement.GetProperty("jsonrpc").GetString()));
    }

    [Fact]
    public async Task The_server_exits_when_the_client_process_dies()
    {
        var workspace = _temp.Combine("ws2");
        Directory.CreateDirectory(workspace);
        using var client = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        using var server = new ServerProcess();
        var init = server.Send("initialize", new
        {
            processId = client.Id,
            rootUri = DocumentUris.FromPath(workspace),
            capabilities = new { },
            initializationOptions = new { storagePath = _temp.Combine("storage2") },
        });
        await server.WaitForFrameAsync(f => Id(f) == init, Timeout);

        client.Kill();
        await client.WaitForExitAsync();

        await server.WaitForExitAsync(Timeout);
        Assert.True(server.Process.HasExited);
    }

    [Fact]
    public async Task The_server_exits_when_its_input_closes()
    {
        using var server = new ServerProcess();
        server.Process.StandardInput.Close();

        await server.WaitForExitAsync(Timeout);

        Assert.True(server.Process.HasExited);
        Assert.Empty(server.StdoutBytes());
    }

    private static int? Id(JsonElement frame) =>
        frame.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && !frame.TryGetProperty("method", out _) ? id.GetInt32() : null;

    private static string? Method(JsonElement frame) =>
        frame.TryGetProperty("method", out var method) ? method.GetString() : null;

    public void Dispose() => _temp.Dispose();
}
