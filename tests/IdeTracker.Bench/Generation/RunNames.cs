namespace IdeTracker.Bench.Generation;

/// <summary>Run names shaped like MLflow's generated ones ("learned-dolphin-872").</summary>
internal static class RunNames
{
    private static readonly string[] Adjectives =
    [
        "learned", "unruly", "brave", "calm", "clever", "dapper", "eager", "gentle", "honest", "jolly",
        "keen", "lively", "merciful", "nimble", "polite", "quiet", "rare", "silent", "tasteful", "upbeat",
    ];

    private static readonly string[] Nouns =
    [
        "dolphin", "goat", "owl", "fox", "hawk", "lynx", "moth", "newt", "otter", "panda",
        "quail", "robin", "seal", "trout", "vole", "wasp", "yak", "zebra", "bass", "crab",
    ];

    public static string Next(Random random) =>
        $"{random.Pick(Adjectives)}-{random.Pick(Nouns)}-{random.Next(1000)}";
}
