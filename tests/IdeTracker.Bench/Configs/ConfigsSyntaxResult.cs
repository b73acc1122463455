namespace IdeTracker.Bench.Configs;

/// <summary>One syntax's figures: the file, how many entries a parse gave (and should give), and the parse times in
/// milliseconds over the timed repetitions.</summary>
internal sealed record ConfigsSyntaxResult(
    string Syntax,
    int Lines,
    long Chars,
    int Entries,
    int ExpectedEntries,
    double P50Ms,
    double P95Ms,
    double MaxMs,
    double CpuMeanMs)
{
    public bool AllRead => Entries == ExpectedEntries;
}
