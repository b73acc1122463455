using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace IdeTracker.Bench.Live;

/// <summary>The real server executable (<c>dotnet ide-tracker.dll --stdio</c>, built beside the benchmark) as the
/// editor runs it. A pump reads its frames as they arrive and stamps each with the time it came in whole.</summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly Process process;
    private readonly Channel<ServerFrame> frames = Channel.CreateUnbounded<ServerFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StringBuilder stderr = new();
    private readonly Lock stderrGate = new();
    private readonly Task pump;
    private int nextId;

    public ServerConnection()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ide-tracker.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the server is not built beside the benchmark: {dll}");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--stdio");
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderrGate)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        pump = Task.Run(PumpAsync);
    }

    public string Stderr
    {
        get
        {
            lock (stderrGate)
            {
                return stderr.ToString();
            }
        }
    }

    public int Request(string method, object? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        Write(new { jsonrpc = "2.0", id, method, @params = parameters });
        return id;
    }

    public void Notify(string method, object? parameters) => Write(new { jsonrpc = "2.0", method, @params = parameters });

    /// <summary>The next frame that matches, skipping others; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<ServerFrame> NextAsync(Func<ServerFrame, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var frame = await frames.Reader.ReadAsync(cancel.Token).ConfigureAwait(false);
                if (match(frame))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"no matching message from the server within {timeout.TotalSeconds:F0} s");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("the server closed its output; its error output:\n" + Stderr);
        }
    }

    /// <summary>Asks the server to shut down and exit, and waits for it.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        var shutdown = Request("shutdown", null);
        await NextAsync(f => f.Message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == shutdown, timeout).ConfigureAwait(false);
        Notify("exit", null);
        await process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
    }

    private void Write(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var stream = process.StandardInput.BaseStream;
        stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        stream.Write(body);
        stream.Flush();
    }

    private async Task PumpAsync()
    {
        var input = process.StandardOutput.BaseStream;
        var buffer = new List<byte>(64 * 1024);
        var chunk = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await input.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeFrame(buffer) is { } body)
                {
                    using var document = JsonDocument.Parse(body);
                    frames.Writer.TryWrite(new ServerFrame(document.RootElement.Clone(), Stopwatch.GetTimestamp()));
                }
            }
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }

    /// <summary>Removes and returns the body of the first whole frame, or null while it is still arriving.</summary>
    private static byte[]? TryTakeFrame(List<byte> buffer)
    {
        var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
        var headerEnd = bytes.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return null;
        }

        var header = Encoding.ASCII.GetString(bytes[..headerEnd]);
        var lengthLine = header.Split("\r\n").First(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var end = headerEnd + 4 + length;
        if (bytes.Length < end)
        {
            return null;
        }

        var body = bytes[(headerEnd + 4)..end].ToArray();
        buffer.RemoveRange(0, end);
        return body;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        pump.Wait(TimeSpan.FromSeconds(10));
        process.Dispose();
    }
}
