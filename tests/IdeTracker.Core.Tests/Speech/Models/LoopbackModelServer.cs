using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdeTracker.Core.Tests.Speech.Models;

/// <summary>A small HTTP/1.1 server on 127.0.0.1 (a free port) serving in-memory files, so downloads are
/// tested without the internet. It can honour or ignore Range and cut one response after a number of bytes.</summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private long cutOnce = -1;
    private long stallOnce = -1;

    public LoopbackModelServer()
    {
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/models/");
        accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>False makes the server answer every request 200 with the whole file, as some servers do.</summary>
    public bool HonoursRange { get; init; } = true;

    /// <summary>Each request's path and Range header (null when it sent none), in arrival order.</summary>
    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();

    /// <summary>The next response sends this many body bytes, then the connection is closed.</summary>
    public void CutNextResponseAfter(long bytes) => Interlocked.Exchange(ref cutOnce, bytes);

    /// <summary>The next response sends this many body bytes, then nothing more until the server stops.</summary>
    public void StallNextResponseAfter(long bytes) => Interlocked.Exchange(ref stallOnce, bytes);

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var (path, headers) = await ReadRequestAsync(stream);
                headers.TryGetValue("range", out var range);
                Requests.Enqueue((path, range));
                await RespondAsync(client, stream, path, range);
            }
            catch (Exception error) when (error is IOException or SocketException or OperationCanceledException)
            {
                // The client went away (a cancelled download); nothing to answer.
            }
        }
    }

    private async Task RespondAsync(TcpClient client, NetworkStream stream, string path, string? range)
    {
        var name = path.StartsWith(BaseUrl.AbsolutePath, StringComparison.Ordinal) ? path[BaseUrl.AbsolutePath.Length..] : path;
        if (!Files.TryGetValue(Uri.UnescapeDataString(name), out var file))
        {
            await WriteAsync(stream, "404 Not Found", [], "no such model"u8.ToArray(), 0, long.MaxValue);
            return;
        }

        var from = 0L;
        var status = "200 OK";
        var extra = new List<string>();
        if (HonoursRange && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            from = long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (from >= file.Length)
            {
                await WriteAsync(stream, "416 Range Not Satisfiable", [$"Content-Range: bytes */{file.Length}"], [], 0, long.MaxValue);
                return;
            }

            status = "206 Partial Content";
            extra.Add($"Content-Range: bytes {from}-{file.Length - 1}/{file.Length}");
        }

        var cut = Interlocked.Exchange(ref cutOnce, -1);
        var stall = Interlocked.Exchange(ref stallOnce, -1);
        await WriteAsync(stream, status, extra, file, from, cut >= 0 ? cut : stall >= 0 ? stall : long.MaxValue);
        if (cut >= 0)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }
        else if (stall >= 0)
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
    }

    private async Task WriteAsync(NetworkStream stream, string status, List<string> headers, byte[] body, long from, long limit)
    {
        var head = new StringBuilder($"HTTP/1.1 {status}\r\nContent-Length: {body.Length - from}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), stopping.Token);
        var length = (int)Math.Min(body.Length - from, limit);
        for (var offset = 0; offset < length; offset += 1 << 16)
        {
            await stream.WriteAsync(body.AsMemory((int)from + offset, Math.Min(1 << 16, length - offset)), stopping.Token);
        }

        await stream.FlushAsync(stopping.Token);
    }

    private async Task<(string Path, Dictionary<string, string> Headers)> ReadRequestAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 4 || !(bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, stopping.Token) == 0)
            {
                throw new IOException("The client closed before finishing its request.");
            }

            bytes.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0].Trim().ToLowerInvariant(), pair => pair[1].Trim());
        return (lines[0].Split(' ')[1], headers);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}
