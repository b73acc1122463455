using System.Buffers;
using IdeTracker.Core.Model;
using Microsoft.Win32.SafeHandles;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Streams one MLflow metric file into points through a fixed buffer, so memory stays bounded by
/// the points kept, whatever the file holds. Given where an earlier read of the file stopped, it reads only
/// what was appended since.</summary>
internal static class MetricFile
{
    public const long MaxBytes = 256L * 1024 * 1024;

    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Twice the longest line: a partial line moved to the front always leaves room for a full read.</summary>
    private const int BufferBytes = 2 * MaxLineBytes;

    /// <summary>How many bytes before the resume offset are compared to tell an appended file from a rewritten one.</summary>
    private const int CheckBytes = 32;

    /// <summary>The points of the file in file order with where its whole lines end, or null (with a problem) when
    /// the file cannot be read at all. Bad lines become problems and are skipped; a last line without its newline
    /// is taken as MLflow takes it, but the state ends before it, so the next read parses it again once complete.
    /// Reads no further than <paramref name="size"/>, the size the stamp saw, so what is read matches the stamp.
    /// With <paramref name="previous"/> (this file's state from an earlier read), a file that only grew since is
    /// read from where the whole lines ended; the result is the one a whole read gives.</summary>
    public static MetricFileState? Read(string path, long size, MetricFileState? previous, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (size > MaxBytes)
        {
            problems.Add(new Problem(path, 0,
                $"is {ByteSizeText.Of(size)}, larger than the {ByteSizeText.OfLimit(MaxBytes)} a metric file may have; skipped"));
            return null;
        }

        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (previous is not null && !OnlyGrew(handle, size, previous))
            {
                previous = null;
            }

            var from = previous?.WholeEnd ?? 0;
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(BufferBytes, Math.Max(size - from, 1)));
            var lines = previous is null
                ? new Lines(path, new List<MetricPoint>((int)Math.Clamp(size / 32, 4, 4096)), problems, 0, 0, default)
                : Lines.After(path, previous, problems);
            lines.ReadAll(handle, buffer, from, size, cancellationToken);
            return lines.State();
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>True when the file still holds, right before where the earlier read's whole lines ended, the bytes
    /// that read saw there.</summary>
    private static bool OnlyGrew(SafeFileHandle handle, long size, MetricFileState previous)
    {
        var check = previous.Check.Span;
        if (size < previous.WholeEnd || previous.WholeEnd < check.Length)
        {
            return false;
        }

        Span<byte> now = stackalloc byte[CheckBytes];
        now = now[..check.Length];
        var read = check.IsEmpty ? 0 : RandomAccess.Read(handle, now, previous.WholeEnd - check.Length);
        BytesReadProbe.Add(read);
        return read == check.Length && now.SequenceEqual(check);
    }

    private sealed class Lines
    {
        private readonly string path;
        private readonly List<MetricPoint> points;

        // This file's problems are those from here on in the caller's list.
        private readonly List<Problem> problems;
        private readonly int firstProblem;
        private readonly byte[] check = new byte[CheckBytes];
        private int lineNumber;
        private bool skippingLongLine;

        // Where the whole lines read so far end, and what they gave.
        private long wholeEnd;
        private int wholeLines;
        private int wholePoints;
        private int wholeProblems;
        private int checkLength;

        /// <param name="problems">The caller's list: the file's problems are added to it.</param>
        public Lines(string path, List<MetricPoint> points, List<Problem> problems, long wholeEnd, int lineNumber, ReadOnlySpan<byte> check, int firstProblem = -1)
        {
            this.path = path;
            this.points = points;
            this.problems = problems;
            this.firstProblem = firstProblem < 0 ? problems.Count : firstProblem;
            this.lineNumber = lineNumber;
            this.wholeEnd = wholeEnd;
            wholeLines = lineNumber;
            wholePoints = points.Count;
            wholeProblems = problems.Count;
            check.CopyTo(this.check);
            checkLength = check.Length;
        }

        /// <summary>Carries on after the whole lines of an earlier read (giving their problems again), dropping whatever
        /// that read took beyond them.</summary>
        public static Lines After(string path, MetricFileState previous, List<Problem> problems)
        {
            var points = previous.Points;
            points.RemoveRange(previous.WholePoints, points.Count - previous.WholePoints);
            var firstProblem = problems.Count;
            problems.AddRange(previous.WholeProblems);
            return new Lines(path, points, problems, previous.WholeEnd, previous.WholeLines, previous.Check.Span, firstProblem);
        }

        public MetricFileState State() => new()
        {
            Points = points,
            WholePoints = wholePoints,
            WholeEnd = wholeEnd,
            WholeLines = wholeLines,
            WholeProblems = wholeProblems == firstProblem ? [] : [.. problems.GetRange(firstProblem, wholeProblems - firstProblem)],
            Check = new ReadOnlyMemory<byte>(check, 0, checkLength),
        };

        public void ReadAll(SafeFileHandle handle, byte[] buffer, long from, long size, CancellationToken cancellationToken)
        {
            var offset = from;
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

                BytesReadProbe.Add(read);
                var dataStart = offset - filled;
                offset += read;
                filled = TakeCompleteLines(buffer.AsSpan(0, filled + read), buffer, dataStart);
            }

            if (filled > 0)
            {
                EndLine(buffer.AsSpan(0, filled));
            }
        }

        /// <summary>Parses every complete line, moves the unfinished tail to the front and returns its length.
        /// <paramref name="dataStart"/> is the file offset of <paramref name="data"/>.</summary>
        private int TakeCompleteLines(Span<byte> data, byte[] buffer, long dataStart)
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

            if (start > 0)
            {
                wholeEnd = dataStart + start;
                wholeLines = lineNumber;
                wholePoints = points.Count;
                wholeProblems = problems.Count;
                checkLength = Math.Min(start, CheckBytes);
                data.Slice(start - checkLength, checkLength).CopyTo(check);
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
