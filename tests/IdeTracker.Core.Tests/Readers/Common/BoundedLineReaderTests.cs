using System.Text;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Tests.Readers.Common;

/// <summary>The line reader's bookkeeping that resumed reads rely on (where the whole lines end, the bytes just before
/// that point, each line as the stream has it), checked against a plain split of generated text, read in small
/// chunks so the buffer is compacted often.</summary>
public sealed class BoundedLineReaderTests
{
    private const int MaxLineBytes = 16;

    [Fact]
    public void Consumed_and_the_bytes_before_it_follow_every_whole_line_whatever_the_chunks()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var text = RandomLines(random);
            using var stream = new ChunkedStream(text, random.Next(1, 40));
            using var reader = new BoundedLineReader(stream, MaxLineBytes);
            var expected = Oracle(text);
            var offset = 0L;
            foreach (var (start, length, ending) in expected)
            {
                Assert.True(reader.TryReadBytes(out var line, out var tooLong), $"seed {seed}: line at {start} missing");
                Assert.Equal(length > MaxLineBytes, tooLong);
                if (!tooLong)
                {
                    Assert.Equal(text.AsSpan((int)start, length).ToArray(), line.ToArray());
                    Assert.Equal(text.AsSpan((int)start, length + ending).ToArray(), reader.LastLineAsRead.ToArray());
                }

                offset = start + length + ending;
                Assert.Equal(offset, reader.Consumed);
                AssertTail(text, offset, reader, seed);
            }

            Assert.False(reader.TryReadBytes(out _, out _), $"seed {seed}: a line past the last newline");
            Assert.Equal(offset, reader.Consumed);
        }
    }

    private static void AssertTail(byte[] text, long consumed, BoundedLineReader reader, int seed)
    {
        Span<byte> tail = stackalloc byte[32];
        var kept = reader.CopyConsumedTail(tail);
        Assert.True(Math.Min(tail.Length, consumed) == kept, $"seed {seed}: {kept} bytes kept before offset {consumed}");
        Assert.Equal(text.AsSpan((int)consumed - kept, kept).ToArray(), tail[..kept].ToArray());
    }

    /// <summary>Short and over-long lines, LF and CRLF, and sometimes an unfinished last line. None within a CR of the
    /// bound: whether such a line counts as too long depends on where a chunk ends.</summary>
    private static byte[] RandomLines(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 30); i > 0; i--)
        {
            text.Append('x', random.Next(4) == 0 ? random.Next(MaxLineBytes + 2, 60) : random.Next(0, MaxLineBytes - 1));
            text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        text.Append('y', random.Next(3) == 0 ? random.Next(0, 50) : 0);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Each whole line: where it starts, its length without the ending, and the ending's length.</summary>
    private static List<(long Start, int Length, int Ending)> Oracle(byte[] text)
    {
        var lines = new List<(long, int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                var cr = i > start && text[i - 1] == '\r' ? 1 : 0;
                lines.Add((start, i - start - cr, 1 + cr));
                start = i + 1;
            }
        }

        return lines;
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a pipe or a file being written might.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
