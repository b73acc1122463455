using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>The real server executable started as the extension starts it, talking over its stdin/stdout.
/// Everything it writes to stdout is kept so a test can check that stdout held nothing but frames.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _pump;
    private readonly Lock _gate = new();
    private int _nextId = 1;

    public ServerProcess(IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ide-tracker.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--stdio");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_gate)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _pump = Task.Run(async () =>
        {
            var buffer = new byte[8192];
            int read;
            while ((read = await _process.StandardOutput.BaseStream.ReadAsync(buffer)) > 0)
            {
                lock (_gate)
                {
                    _stdout.Write(buffer, 0, read);
                }
            }
        });
    }

    public Process Process => _process;

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public byte[] StdoutBytes()
    {
        lock (_gate)
        {
            return _stdout.ToArray();
        }
    }

    public int Send(string method, object? parameters, bool isRequest = true)
    {
        var id = isRequest ? Interlocked.Increment(ref _nextId) : 0;
        object message = isRequest
            ? new { jsonrpc = "2.0", id, method, @params = parameters }
            : new { jsonrpc = "2.0", method, @params = parameters };
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        _process.StandardInput.BaseStream.Write(header);
        _process.StandardInput.BaseStream.Write(body);
        _process.StandardInput.BaseStream.Flush();
        return id;
    }

    /// <summary>Polls the frames read so far until one matches, or fails after the timeout.</summary>
    public async Task<JsonElement> WaitForFrameAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var frame in LspFrameReader.ReadAll(CompleteFrames()))
            {
                if (match(frame.RootElement))
                {
                    return frame.RootElement.Clone();
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no matching frame within {timeout}; stderr: {Stderr}");
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>The bytes up to the end of the last complete frame (a frame may be half-written).</summary>
    private byte[] CompleteFrames()
    {
        var bytes = StdoutBytes();
        var position = 0;
        while (true)
        {
            var headerEnd = bytes.AsSpan(position).IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                break;
            }

            var header = Encoding.ASCII.GetString(bytes, position, headerEnd);
            var lengthText = header.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            if (lengthText is null || !int.TryParse(lengthText["Content-Length:".Length..].Trim(), out var length))
            {
                break;
            }

            var end = position + headerEnd + 4 + length;
            if (end > bytes.Length)
            {
                break;
            }

            position = end;
        }

        return bytes[..position];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _pump.Wait(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
