using System.Numerics;

namespace IdeTracker.Core.Speech.Audio;

/// <summary>Streaming windowed-sinc resampler of one channel, from any rate to another (16 kHz for Whisper by default).
/// Feed blocks to <see cref="Process"/> and end with <see cref="Flush"/>: the result equals resampling the whole signal
/// at once, bit for bit, because each output sample is computed from the same inputs and taps whichever block they
/// arrived in. The output holds ⌈inputs × outputRate / inputRate⌉ samples; equal rates pass samples through.</summary>
public sealed class Resampler
{
    public const int WhisperRate = 16_000;

    private readonly SincKernelTable? kernel;
    private float[] history;
    private int historyCount;
    private long historyStart;
    private long inputCount;
    private long nextOutput;
    private bool flushed;

    public Resampler(int inputRate, int outputRate = WhisperRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        if (inputRate == outputRate)
        {
            history = [];
            return;
        }

        kernel = new SincKernelTable(inputRate, outputRate);
        // Zeros before the first sample, so the first outputs see silence rather than a special case.
        history = new float[Math.Max(4096, 4 * kernel.Taps)];
        historyCount = kernel.HalfWidth;
        historyStart = -kernel.HalfWidth;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Samples <see cref="Flush"/> will still write.</summary>
    public long PendingOutputCount => kernel is null ? 0 : OutputLengthFor(inputCount, InputRate, OutputRate) - nextOutput;

    /// <summary>⌈<paramref name="inputLength"/> × outputRate / inputRate⌉: the length of the whole result.</summary>
    public static long OutputLengthFor(long inputLength, int inputRate, int outputRate)
    {
        var scaled = ((Int128)inputLength * outputRate) + inputRate - 1;
        return (long)(scaled / inputRate);
    }

    /// <summary>Room that is always enough for one <see cref="Process"/> call's output.</summary>
    public int MaxOutputFor(int inputLength) =>
        kernel is null ? inputLength : (int)Math.Min(Array.MaxLength, ((long)inputLength * OutputRate / InputRate) + 2);

    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate = WhisperRate)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var output = new float[OutputLengthFor(input.Length, inputRate, outputRate)];
        var written = resampler.Process(input, output);
        resampler.Flush(output.AsSpan(written));
        return output;
    }

    /// <summary>Takes the next block of input and writes every output sample it completes.</summary>
    /// <returns>The number of samples written to <paramref name="output"/>, at most <see cref="MaxOutputFor"/>.</returns>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (flushed)
        {
            throw new InvalidOperationException("the resampler was flushed; start a new one for new audio");
        }

        if (kernel is null)
        {
            input.CopyTo(output);
            return input.Length;
        }

        Append(input);
        inputCount += input.Length;
        var written = Produce(output, long.MaxValue);
        Trim();
        return written;
    }

    /// <summary>Ends the input (as if followed by silence) and writes the last <see cref="PendingOutputCount"/> samples.</summary>
    public int Flush(Span<float> output)
    {
        if (flushed || kernel is null)
        {
            flushed = true;
            return 0;
        }

        var total = OutputLengthFor(inputCount, InputRate, OutputRate);
        Append(new float[kernel.HalfWidth + 1]);
        var written = Produce(output, total);
        flushed = true;
        return written;
    }

    private int Produce(Span<float> output, long stopAt)
    {
        var table = kernel!;
        var written = 0;
        var limit = stopAt == long.MaxValue ? inputCount : historyStart + historyCount;
        while (nextOutput < stopAt)
        {
            var (center, phase) = Locate(nextOutput);
            if (center + table.HalfWidth >= limit)
            {
                break;
            }

            if (written == output.Length)
            {
                throw new ArgumentException("the output span is too small; size it with MaxOutputFor or PendingOutputCount", nameof(output));
            }

            var start = (int)(center - table.HalfWidth + 1 - historyStart);
            output[written++] = Dot(history.AsSpan(start, table.Taps), table.Row(phase));
            nextOutput++;
        }

        return written;
    }

    /// <summary>The input sample at or before output sample <paramref name="n"/>'s instant, and the tap row for the
    /// fraction between them.</summary>
    private (long Center, int Phase) Locate(long n)
    {
        var table = kernel!;
        var position = (Int128)n * InputRate;
        var center = (long)(position / OutputRate);
        var remainder = (long)(position % OutputRate);
        if (table.IsExact)
        {
            return (center, (int)(remainder * table.Phases / OutputRate));
        }

        var phase = (int)(((remainder * table.Phases) + (OutputRate / 2)) / OutputRate);
        return phase == table.Phases ? (center + 1, 0) : (center, phase);
    }

    private void Append(ReadOnlySpan<float> input)
    {
        if (historyCount + input.Length > history.Length)
        {
            Array.Resize(ref history, Math.Max(history.Length * 2, historyCount + input.Length));
        }

        input.CopyTo(history.AsSpan(historyCount));
        historyCount += input.Length;
    }

    /// <summary>Drops the input no future output sample reaches back to.</summary>
    private void Trim()
    {
        var firstNeeded = Locate(nextOutput).Center - kernel!.HalfWidth + 1;
        var drop = (int)Math.Clamp(firstNeeded - historyStart, 0, historyCount);
        if (drop == 0)
        {
            return;
        }

        history.AsSpan(drop, historyCount - drop).CopyTo(history);
        historyCount -= drop;
        historyStart += drop;
    }

    private static float Dot(ReadOnlySpan<float> samples, ReadOnlySpan<float> taps)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= taps.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(samples[i..]) * new Vector<float>(taps[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < taps.Length; i++)
        {
            total += samples[i] * taps[i];
        }

        return total;
    }
}
