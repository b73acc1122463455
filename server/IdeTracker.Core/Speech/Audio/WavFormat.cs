namespace IdeTracker.Core.Speech.Audio;

/// <summary>What the fmt chunk says, reduced to what decoding needs: integer PCM of 1–4 bytes per sample
/// (8-bit unsigned, wider signed; narrower valid bits sit in the high bits of their container) or IEEE float of 4 or 8.</summary>
internal sealed record WavFormat(int Channels, int SampleRate, int BytesPerSample, bool IsFloat)
{
    public int BlockAlign => Channels * BytesPerSample;
}
