using System.Buffers;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Streams one MLflow metric file into points through a fixed buffer, so memory stays bounded by
/// the points kept, whatever the file holds.</summary>
internal static class MetricFile
{
    public const long MaxBytes = 256L * 1024 * 1024;

    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Twice the longest line: a partial line moved to the front always leaves room for a full read.</summary>
    private const int BufferBytes = 2 * MaxLineBytes;

    /// <summary>The points of the file in file order, or null (with a problem) when the file cannot be read
    /// at all. Bad lines become problems and are skipped. Reads no further than <paramref name="size"/>,
    /// the size the stamp saw, so what is read matches the stamp.</summary>
    public static List<MetricPoint>? Read(string path, long size, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (size > MaxBytes)
        {
            problems.Add(new Problem(path, 0,
                $"is {ByteSizeText.Of(size)}, larger than the {ByteSizeText.OfLimit(MaxBytes)} a metric file may have; skipped"));
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(BufferBytes, Math.Max(size, 1)));
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var points = new List<MetricPoint>((int)Math.Clamp(size / 32, 4, 4096));
            new Lines(path, points, problems).ReadAll(handle, buffer, size, cancellationToken);
            return points;
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class Lines(string path, List<MetricPoint> points, List<Problem> problems)
    {
        private int lineNumber;
        private bool skippingLongLine;

        public void ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long size, CancellationToken cancellationToken)
        {
            long offset = 0;
            var filled = 0;
            while (offset < size)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var want = (int)Math.Min(buffer.Length - filled, size - offset);
                var read = RandomAccess.Read(handle, buffer.AsSpan(filled, want), offset);
                if (read == 0)
                {
                    break;
                }

                offset += read;
                filled = TakeCompleteLines(buffer.AsSpan(0, filled + read), buffer);
            }

            if (filled > 0)
            {
                EndLine(buffer.AsSpan(0, filled));
            }
        }

        /// <summary>Parses every complete line, moves the unfinished tail to the front and returns its length.</summary>
        private int TakeCompleteLines(Span<byte> data, byte[] buffer)
        {
            var start = 0;
            while (true)
            {
                var newline = data[start..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                EndLine(data.Slice(start, newline));
                start += newline + 1;
            }

            var tail = data[start..];
            if (tail.Length > MaxLineBytes)
            {
                // Too long to be a metric line: drop what we have and ignore the rest of it up to its newline.
                if (!skippingLongLine)
                {
                    skippingLongLine = true;
                    problems.Add(new Problem(path, lineNumber + 1,
                        $"line is longer than {ByteSizeText.OfLimit(MaxLineBytes)}; skipped"));
                }

                return 0;
            }

            tail.CopyTo(buffer);
            return tail.Length;
        }

        private void EndLine(ReadOnlySpan<byte> line)
        {
            lineNumber++;
            if (skippingLongLine)
            {
                skippingLongLine = false;
                return;
            }

            if (line.Length > MaxLineBytes)
            {
                problems.Add(new Problem(path, lineNumber, $"line is longer than {ByteSizeText.OfLimit(MaxLineBytes)}; skipped"));
                return;
            }

            var error = MetricLine.TryParse(line, out var point);
            if (error is null)
            {
                points.Add(point);
            }
            else
            {
                problems.Add(new Problem(path, lineNumber, error));
            }
        }
    }
}
