using IdeTracker.Server.Protocol;
using StreamJsonRpc;

namespace IdeTracker.Server.Lsp;

/// <summary>Logs to the client with <c>window/logMessage</c> once connected, and always to stderr (which
/// vscode-languageclient shows in the output channel too, and which a CLI user sees).</summary>
public sealed class ServerLogger
{
    private JsonRpc? _rpc;

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    public void Error(string message) => Write(1, message);

    public void Warning(string message) => Write(2, message);

    public void Info(string message) => Write(3, message);

    public void Log(string message) => Write(4, message);

    private void Write(int type, string message)
    {
        var rpc = _rpc;
        if (rpc is null || rpc.IsDisposed)
        {
            Console.Error.WriteLine(message);
            return;
        }

        _ = rpc.NotifyWithParameterObjectAsync(LspMethods.LogMessage, new LogMessageParams(type, message))
            .ContinueWith(t => Console.Error.WriteLine($"{message} (log not delivered: {t.Exception?.GetBaseException().Message})"), TaskContinuationOptions.OnlyOnFaulted);
    }
}
