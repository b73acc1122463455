using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace IdeTracker.Server.Lsp;

/// <summary>Connects a <see cref="LanguageServer"/> to a pair of streams with LSP's header framing.</summary>
public static class LanguageServerHost
{
    public static JsonSerializerOptions ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // NaN and ±Infinity are real metric values: they travel as "NaN", "Infinity", "-Infinity".
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }

    public static JsonRpc Connect(Stream sending, Stream receiving, LanguageServer server, ServerLogger log)
    {
        var formatter = new SystemTextJsonFormatter();
        ConfigureJson(formatter.JsonSerializerOptions);
        var handler = new HeaderDelimitedMessageHandler(sending, receiving, formatter);
        var rpc = new JsonRpc(handler)
        {
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
            // Messages are handled in the order they arrive, each until its first await: a document's edits must
            // apply in order, and every request handler hands its work to the thread pool at once.
            SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false),
        };
        rpc.TraceSource = new TraceSource("ide-tracker.jsonrpc", SourceLevels.Warning);
        rpc.TraceSource.Listeners.Clear();
        rpc.TraceSource.Listeners.Add(new LoggerTraceListener(log));
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        server.Attach(rpc);
        log.Attach(rpc);
        rpc.StartListening();
        return rpc;
    }

    /// <summary>Serves until the client sends <c>exit</c>, closes the stream, or its process dies.
    /// Returns the process exit code.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var log = new ServerLogger();
        var exitCode = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new LanguageServer(log, code => exitCode.TrySetResult(code));
        using var rpc = Connect(output, input, server, log);
        var finished = await Task.WhenAny(exitCode.Task, rpc.Completion).ConfigureAwait(false);
        return finished == exitCode.Task ? exitCode.Task.Result : 0;
    }
}
