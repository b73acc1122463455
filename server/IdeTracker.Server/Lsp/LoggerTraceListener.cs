using System.Diagnostics;

namespace IdeTracker.Server.Lsp;

/// <summary>Sends StreamJsonRpc's own warnings (serialization failures, unknown methods) to our log, where
/// they would otherwise be lost.</summary>
public sealed class LoggerTraceListener(ServerLogger log) : TraceListener
{
    public override void Write(string? message)
    {
    }

    public override void WriteLine(string? message)
    {
        if (!string.IsNullOrWhiteSpace(message))
        {
            Console.Error.WriteLine($"[jsonrpc] {message}");
        }
    }

    public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? message)
    {
        if (eventType <= TraceEventType.Warning && message is not null)
        {
            log.Warning($"[jsonrpc] {message}");
        }
    }

    public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? format, params object?[]? args)
    {
        if (eventType <= TraceEventType.Warning && format is not null)
        {
            log.Warning("[jsonrpc] " + (args is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format));
        }
    }
}
