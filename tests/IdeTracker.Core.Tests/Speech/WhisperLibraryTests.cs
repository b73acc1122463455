using IdeTracker.Core.Speech.Native;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Speech;

/// <summary>The library scripts/speech/install.sh built (the test command builds it first) is the version whose
/// struct layouts the worker declares.</summary>
public sealed class WhisperLibraryTests
{
    [Fact]
    public void The_built_library_reports_the_pinned_version()
    {
        Assert.Equal(WhisperLibrary.PinnedVersion, WhisperLibrary.Version(WhisperLibrary.Directory()));
    }

    [Fact]
    public void A_folder_without_the_library_is_named_with_how_to_build_one()
    {
        using var empty = new TempDirectory();

        var error = Assert.Throws<DllNotFoundException>(() => WhisperLibrary.Version(empty.Path));

        Assert.Contains(empty.Path, error.Message);
        Assert.Contains("scripts/speech/install.sh", error.Message);
    }
}
