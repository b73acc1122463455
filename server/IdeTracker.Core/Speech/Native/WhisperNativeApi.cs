using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>The whisper.cpp 1.9.1 exports the transcriber calls, taken by explicit <see cref="NativeLibrary.Load(string)"/>
/// from <see cref="WhisperLibrary.Directory"/> (so no system copy of another version is picked up), after checking the
/// library is the pinned version. Loaded once per process; the libraries stay loaded until it exits.</summary>
internal sealed unsafe class WhisperNativeApi
{
    private static readonly Lock Gate = new();
    private static WhisperNativeApi? loaded;

    private WhisperNativeApi(IntPtr whisper, IntPtr ggmlBase)
    {
        Version = (delegate* unmanaged[Cdecl]<IntPtr>)NativeLibrary.GetExport(whisper, "whisper_version");
        ContextDefaultParamsByRef = (delegate* unmanaged[Cdecl]<IntPtr>)NativeLibrary.GetExport(whisper, "whisper_context_default_params_by_ref");
        FullDefaultParamsByRef = (delegate* unmanaged[Cdecl]<int, IntPtr>)NativeLibrary.GetExport(whisper, "whisper_full_default_params_by_ref");
        FreeParams = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(whisper, "whisper_free_params");
        FreeContextParams = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(whisper, "whisper_free_context_params");
        InitFromFileWithParams = (delegate* unmanaged[Cdecl]<byte*, WhisperContextParams, IntPtr>)NativeLibrary.GetExport(whisper, "whisper_init_from_file_with_params");
        Free = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(whisper, "whisper_free");
        Full = (delegate* unmanaged[Cdecl]<IntPtr, WhisperFullParams, float*, int, int>)NativeLibrary.GetExport(whisper, "whisper_full");
        FullNSegments = (delegate* unmanaged[Cdecl]<IntPtr, int>)NativeLibrary.GetExport(whisper, "whisper_full_n_segments");
        FullGetSegmentT0 = (delegate* unmanaged[Cdecl]<IntPtr, int, long>)NativeLibrary.GetExport(whisper, "whisper_full_get_segment_t0");
        FullGetSegmentT1 = (delegate* unmanaged[Cdecl]<IntPtr, int, long>)NativeLibrary.GetExport(whisper, "whisper_full_get_segment_t1");
        FullGetSegmentText = (delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)NativeLibrary.GetExport(whisper, "whisper_full_get_segment_text");
        FullNTokens = (delegate* unmanaged[Cdecl]<IntPtr, int, int>)NativeLibrary.GetExport(whisper, "whisper_full_n_tokens");
        PrintTimingsExport = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(whisper, "whisper_print_timings");
        ResetTimingsExport = (delegate* unmanaged[Cdecl]<IntPtr, void>)NativeLibrary.GetExport(whisper, "whisper_reset_timings");
        FullLangId = (delegate* unmanaged[Cdecl]<IntPtr, int>)NativeLibrary.GetExport(whisper, "whisper_full_lang_id");
        LangStr = (delegate* unmanaged[Cdecl]<int, IntPtr>)NativeLibrary.GetExport(whisper, "whisper_lang_str");
        NTextCtx = (delegate* unmanaged[Cdecl]<IntPtr, int>)NativeLibrary.GetExport(whisper, "whisper_n_text_ctx");
        WhisperLogSet = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)NativeLibrary.GetExport(whisper, "whisper_log_set");
        GgmlLogSet = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void>)NativeLibrary.GetExport(ggmlBase, "ggml_log_set");
    }

    public delegate* unmanaged[Cdecl]<IntPtr> Version { get; }
    public delegate* unmanaged[Cdecl]<IntPtr> ContextDefaultParamsByRef { get; }
    public delegate* unmanaged[Cdecl]<int, IntPtr> FullDefaultParamsByRef { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, void> FreeParams { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, void> FreeContextParams { get; }
    public delegate* unmanaged[Cdecl]<byte*, WhisperContextParams, IntPtr> InitFromFileWithParams { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, void> Free { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, WhisperFullParams, float*, int, int> Full { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int> FullNSegments { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int, long> FullGetSegmentT0 { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int, long> FullGetSegmentT1 { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr> FullGetSegmentText { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int, int> FullNTokens { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, void> PrintTimingsExport { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, void> ResetTimingsExport { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int> FullLangId { get; }
    public delegate* unmanaged[Cdecl]<int, IntPtr> LangStr { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, int> NTextCtx { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> WhisperLogSet { get; }
    public delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> GgmlLogSet { get; }

    /// <summary>The API of the library in <see cref="WhisperLibrary.Directory"/>, loaded on first use, with native
    /// logging routed to <see cref="NativeLog"/>.</summary>
    /// <exception cref="DllNotFoundException">No library there, or not the pinned version (said with the folder).</exception>
    public static WhisperNativeApi Get()
    {
        lock (Gate)
        {
            return loaded ??= Load(WhisperLibrary.Directory());
        }
    }

    private static WhisperNativeApi Load(string directory)
    {
        var version = WhisperLibrary.Version(directory);
        if (version != WhisperLibrary.PinnedVersion)
        {
            throw new DllNotFoundException(
                $"{directory} holds whisper.cpp {version}, but this build declares the structs of {WhisperLibrary.PinnedVersion}: rebuild it with scripts/speech/install.sh");
        }

        var ggmlBase = NativeLibrary.Load(WhisperLibrary.LibraryPath(directory, "libggml-base.so"));
        var whisper = NativeLibrary.Load(WhisperLibrary.LibraryPath(directory, "libwhisper.so"));
        var api = new WhisperNativeApi(whisper, ggmlBase);
        NativeLog.Attach(api);
        return api;
    }

    public static string? Utf8(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);
}
