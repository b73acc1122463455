namespace IdeTracker.Bench.Generation;

/// <summary>One independent, reproducible random source per generated run, so runs can be written in
/// parallel and still come out the same on every machine and every time.</summary>
internal static class SeededRandom
{
    public const int BenchSeed = 20_250_301;

    public static Random ForRun(string workspaceKind, int runIndex)
    {
        // SplitMix64 finaliser: neighbouring run indexes get unrelated seeds.
        var x = unchecked((ulong)BenchSeed * 0x9E3779B97F4A7C15UL + (ulong)runIndex + Salt(workspaceKind));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return new Random((int)(x & int.MaxValue));
    }

    public static double Between(this Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    public static T Pick<T>(this Random random, IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];

    /// <summary>Gaussian noise (Box–Muller) with standard deviation 1.</summary>
    public static double Noise(this Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

    private static ulong Salt(string workspaceKind)
    {
        // string.GetHashCode is randomised per process; this one is stable.
        ulong salt = 1469598103934665603UL;
        foreach (var c in workspaceKind)
        {
            salt = unchecked((salt ^ c) * 1099511628211UL);
        }

        return salt;
    }
}
