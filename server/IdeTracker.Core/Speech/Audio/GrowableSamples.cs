using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Speech.Audio;

/// <summary>Collects output samples into one array: sized once when the final length is known (no copy at the end),
/// doubling otherwise.</summary>
internal sealed class GrowableSamples
{
    private readonly bool exact;
    private float[] samples;
    private int count;

    public GrowableSamples(long? expectedLength)
    {
        if (expectedLength > Array.MaxLength)
        {
            throw new WavFormatException($"the audio is too long: {Labels.Count(expectedLength.Value, "sample")} at 16 kHz are more than one array holds");
        }

        exact = expectedLength is not null;
        samples = new float[expectedLength ?? 16 * 1024];
    }

    public void Add(ReadOnlySpan<float> block)
    {
        if (count + (long)block.Length > samples.Length)
        {
            var needed = count + (long)block.Length;
            if (needed > Array.MaxLength)
            {
                throw new WavFormatException($"the audio is too long: more than {Labels.Count(Array.MaxLength, "sample")} at 16 kHz");
            }

            Array.Resize(ref samples, (int)Math.Min(Array.MaxLength, Math.Max(needed, samples.Length * 2L)));
        }

        block.CopyTo(samples.AsSpan(count));
        count += block.Length;
    }

    public float[] ToArray() => exact && count == samples.Length ? samples : samples[..count];
}
