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

    /// <summary>The folder beside the server that a packaged extension carries the library in.</summary>
    public const string BundledFolder = "whisper";

    /// <summary>The folder the library is taken from: <see cref="DirectoryVariable"/> when set, else the copy packaged
    /// beside this program (<see cref="BundledFolder"/>), else the build cache (<c>$IDE_TRACKER_CACHE</c>, else
    /// <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, + <c>ide-tracker/whisper/&lt;version&gt;/lib</c>).</summary>
    public static string Directory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, BundledFolder);
        if (File.Exists(Path.Combine(bundled, FileName)) || File.Exists(Path.Combine(bundled, FileName + ".1")))
        {
            return bundled;
        }

        var cache = Environment.GetEnvironmentVariable("IDE_TRACKER_CACHE") is { Length: > 0 } own
            ? own
            : Path.Combine(UserCacheFolder.ForCurrentUser(), "ide-tracker");
        return Path.Combine(cache, "whisper", PinnedVersion, "lib");
    }

    /// <summary>A library of the build in <paramref name="directory"/> by its link name ("libwhisper.so"), or, where only
    /// the versioned file is kept (a packaged copy, which cannot hold symbolic links), the one named by its soname
    /// ("libwhisper.so.1"); the link name when neither is there.</summary>
    public static string LibraryPath(string directory, string linkName)
    {
        var linked = Path.Combine(directory, linkName);
        if (File.Exists(linked) || !System.IO.Directory.Exists(directory))
        {
            return linked;
        }

        var versioned = System.IO.Directory.EnumerateFiles(directory, linkName + ".*")
            .OrderBy(path => path.Length).ThenBy(path => path, StringComparer.Ordinal).FirstOrDefault();
        return versioned ?? linked;
    }

    public static bool IsBuiltIn(string directory) => File.Exists(LibraryPath(directory, FileName));

    /// <summary>The version the library in <paramref name="directory"/> reports (<c>whisper_version()</c>).</summary>
    /// <exception cref="DllNotFoundException">No library there, said with the folder and how to build one.</exception>
    public static string Version(string directory)
    {
        var path = LibraryPath(directory, FileName);
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
