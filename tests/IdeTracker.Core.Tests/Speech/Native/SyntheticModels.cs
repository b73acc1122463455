using IdeTracker.Core.Speech.Synthetic;

namespace IdeTracker.Core.Tests.Speech.Native;

/// <summary>Synthetic model files shared by the tests of one run: written once per shape into the temp folder
/// (the tiny.en shape is 75 MB), keyed by shape and seed.</summary>
public static class SyntheticModels
{
    private static readonly Lock Gate = new();

    public static string Path(SyntheticModelShape shape, int seed = 1)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ide-tracker-tests", "models", $"synthetic-{shape}-{seed}.bin");
        lock (Gate)
        {
            if (!File.Exists(path))
            {
                SyntheticWhisperModel.Write(path, shape, seed);
            }
        }

        return path;
    }
}
