namespace IdeTracker.Core.Speech.Audio;

/// <summary>Kaiser-windowed sinc low-pass coefficients, one row of 2·<see cref="HalfWidth"/> taps per fractional
/// position ("phase") of an output sample between two input samples. The cut-off sits at 90% of the lower of the
/// two Nyquist frequencies, so down-sampling removes what the new rate cannot hold. Between rates with a small
/// common step every phase that occurs is exact; otherwise phases are rounded to one of <see cref="MaxPhases"/>.</summary>
internal sealed class SincKernelTable
{
    public const int MaxPhases = 4096;

    /// <summary>Zero crossings of the sinc kept each side, counted at the lower rate.</summary>
    private const int ZeroCrossings = 24;

    /// <summary>About 80 dB of stop-band attenuation.</summary>
    private const double KaiserBeta = 8.0;

    private const double CutoffFraction = 0.9;

    private readonly float[] coefficients;

    public SincKernelTable(int inputRate, int outputRate)
    {
        var scale = Math.Min(1.0, outputRate / (double)inputRate);
        HalfWidth = (int)Math.Ceiling(ZeroCrossings / scale);
        var exactPhases = outputRate / (int)GreatestCommonDivisor(inputRate, outputRate);
        Phases = Math.Min(exactPhases, MaxPhases);
        IsExact = Phases == exactPhases;
        Taps = 2 * HalfWidth;
        coefficients = new float[Phases * Taps];

        var cutoff = 0.5 * scale * CutoffFraction;
        var windowNorm = BesselI0(KaiserBeta);
        var row = new double[Taps];
        for (var phase = 0; phase < Phases; phase++)
        {
            var fraction = phase / (double)Phases;
            var sum = 0.0;
            for (var j = 0; j < Taps; j++)
            {
                // Distance from the output instant to the input sample this tap multiplies.
                var x = fraction + HalfWidth - 1 - j;
                var u = x / HalfWidth;
                var window = Math.Abs(u) >= 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (u * u))) / windowNorm;
                row[j] = 2 * cutoff * Sinc(2 * cutoff * x) * window;
                sum += row[j];
            }

            // Each row sums to exactly 1 so a constant stays constant whatever the phase.
            for (var j = 0; j < Taps; j++)
            {
                coefficients[(phase * Taps) + j] = (float)(row[j] / sum);
            }
        }
    }

    /// <summary>Input samples the filter reaches each side of an output instant.</summary>
    public int HalfWidth { get; }

    public int Taps { get; }

    public int Phases { get; }

    public bool IsExact { get; }

    /// <summary>Taps for input samples c−HalfWidth+1 … c+HalfWidth, where c is the input sample at or before the output instant.</summary>
    public ReadOnlySpan<float> Row(int phase) => coefficients.AsSpan(phase * Taps, Taps);

    public static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var half = x / 2;
        for (var k = 1; term > sum * 1e-15; k++)
        {
            term *= half / k * (half / k);
            sum += term;
        }

        return sum;
    }
}
