namespace IdeTracker.Core.Tests.Speech.Audio;

/// <summary>Measurements on a signal: a Goertzel amplitude at one frequency and zero-crossing counts, taken away
/// from the edges where a filter's start-up and tail sit.</summary>
public static class Tone
{
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5) =>
        [.. Enumerable.Range(0, length).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate)))];

    /// <summary>The amplitude of the <paramref name="frequency"/> component (exact for a whole number of cycles).</summary>
    public static double Amplitude(ReadOnlySpan<float> signal, double frequency, int sampleRate)
    {
        double re = 0, im = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / sampleRate;
            re += signal[i] * Math.Cos(angle);
            im -= signal[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / signal.Length;
    }

    public static double Rms(ReadOnlySpan<float> signal)
    {
        var sum = 0.0;
        foreach (var x in signal)
        {
            sum += x * (double)x;
        }

        return Math.Sqrt(sum / Math.Max(1, signal.Length));
    }

    public static int ZeroCrossings(ReadOnlySpan<float> signal)
    {
        var count = 0;
        for (var i = 1; i < signal.Length; i++)
        {
            if ((signal[i - 1] < 0) != (signal[i] < 0))
            {
                count++;
            }
        }

        return count;
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
