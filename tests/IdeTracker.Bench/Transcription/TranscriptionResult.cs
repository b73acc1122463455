namespace IdeTracker.Bench.Transcription;

/// <summary>The transcription figures: model load (median of <see cref="Loads"/>), and per clip the wall-clock
/// time of one in-process whisper_full run over it, its real-time factor (processing time / audio time), and the
/// segments and tokens decoded (random weights decode far more tokens than speech would, see the benchmark).</summary>
internal sealed record TranscriptionResult(
    string Scenario,
    string Model,
    long ModelBytes,
    int Threads,
    int Loads,
    double LoadSeconds,
    IReadOnlyList<TranscriptionClipResult> Clips,
    double WorkerSeconds);
