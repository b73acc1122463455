namespace IdeTracker.Bench.Transcription;

/// <summary>One clip of the transcription benchmark.</summary>
/// <see cref="Timings"/> are whisper.cpp's own timer lines for the run (encode, decode, batch decode, temperature fallbacks).
internal sealed record TranscriptionClipResult(double AudioSeconds, double Seconds, int Segments, long Tokens, IReadOnlyList<string> Timings)
{
    public double RealTimeFactor => Seconds / AudioSeconds;
}
