using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>The whisper.cpp shared library the transcription worker calls: where it is, and which version it is.
/// <c>scripts/speech/install.sh</c> builds it from the pinned source into the user's cache; the layout of the
/// structs passed to it by value (whisper_full_params) is only right for <see cref="PinnedVersion"/>, so callers
/// check <see cref="Version"/> before anything else.</summary>
public static class WhisperLibrary
{
    public const string PinnedVersion = "1.9.1";

    /// <summary>Names a folder holding libwhisper.so (and the libggml*.so beside it), overriding the cache.</summary>
    public const string DirectoryVariable = "IDE_TRACKER_WHISPER_LIB_DIR";

    private const string FileName = "libwhisper.so";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr VersionFunction();

    /// <summary>The folder the library is taken from: <see cref="DirectoryVariable"/> when set, else the build
    /// cache (<c>$IDE_TRACKER_CACHE</c>, else <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, + <c>ide-tracker/whisper/&lt;version&gt;/lib</c>).</summary>
    public static string Directory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var cache = Environment.GetEnvironmentVariable("IDE_TRACKER_CACHE") is { Length: > 0 } own
            ? own
            : Path.Combine(UserCacheFolder.ForCurrentUser(), "ide-tracker");
        return Path.Combine(cache, "whisper", PinnedVersion, "lib");
    }

    /// <summary>The version the library in <paramref name="directory"/> reports (<c>whisper_version()</c>).</summary>
    /// <exception cref="DllNotFoundException">No library there, said with the folder and how to build one.</exception>
    public static string Version(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new DllNotFoundException($"no {FileName} in {directory}: build it with scripts/speech/install.sh");
        }

        var handle = NativeLibrary.Load(path);
        try
        {
            var version = Marshal.GetDelegateForFunctionPointer<VersionFunction>(NativeLibrary.GetExport(handle, "whisper_version"));
            return Marshal.PtrToStringUTF8(version()) ?? "";
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
