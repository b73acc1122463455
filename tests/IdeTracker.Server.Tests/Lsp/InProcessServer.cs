using System.Text.Json;
using IdeTracker.Server.Features.Notes;
using IdeTracker.Server.Lsp;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>The real server connected to a test client over an in-memory duplex stream. Disposing sends
/// shutdown then exit and waits for the server to finish.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource<int> _exitCode = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly JsonRpc _serverRpc;

    private InProcessServer(Func<SpeechServices>? speech = null)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var log = new ServerLogger();
        Server = new LanguageServer(log, code => _exitCode.TrySetResult(code), speech);
        _serverRpc = LanguageServerHost.Connect(serverStream, serverStream, Server, log);

        var formatter = new SystemTextJsonFormatter();
        LanguageServerHost.ConfigureJson(formatter.JsonSerializerOptions);
        Client = new RawErrorDataJsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        Client.AddLocalRpcTarget(new TestClientTarget(Notifications));
        Client.StartListening();
    }

    public LanguageServer Server { get; }

    public JsonRpc Client { get; }

    public ClientNotifications Notifications { get; } = new();

    /// <summary>What the server answered to initialize (its capabilities).</summary>
    public JsonElement InitializeResult { get; private set; }

    public Task<int> ExitCode => _exitCode.Task;

    /// <summary>Starts a server and initializes it for <paramref name="workspace"/>, keeping its index in
    /// <paramref name="storagePath"/>.</summary>
    public static async Task<InProcessServer> StartAsync(string workspace, string storagePath, object? extraOptions = null, object? capabilities = null,
        Func<SpeechServices>? speech = null)
    {
        var server = new InProcessServer(speech);
        server.InitializeResult = await server.RequestAsync<JsonElement>("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = IdeTracker.Server.Lsp.DocumentUris.FromPath(workspace),
            capabilities = capabilities ?? new { window = new { workDoneProgress = true } },
            initializationOptions = extraOptions ?? new { storagePath },
        });
        await server.Client.NotifyWithParameterObjectAsync("initialized", new { });
        return server;
    }

    public async Task<T> RequestAsync<T>(string method, object? parameters = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await Client.InvokeWithParameterObjectAsync<T>(method, parameters, timeout.Token).WaitAsync(Timeout);
    }

    /// <summary>Waits until the first full scan has been reported ready.</summary>
    public Task<JsonElement> WaitUntilIndexedAsync() =>
        Notifications.WaitForAsync("ideTracker/indexStatus", p => p.GetProperty("state").GetString() == "ready");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_exitCode.Task.IsCompleted)
            {
                await RequestAsync<JsonElement?>("shutdown");
                await Client.NotifyAsync("exit");
                await _exitCode.Task.WaitAsync(Timeout);
            }
        }
        finally
        {
            Client.Dispose();
            _serverRpc.Dispose();
            Server.Dispose();
        }
    }
}
