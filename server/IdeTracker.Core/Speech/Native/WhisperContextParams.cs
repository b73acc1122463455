using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>whisper.cpp 1.9.1's <c>struct whisper_context_params</c> (passed by value to
/// <c>whisper_init_from_file_with_params</c>); checked against the library's defaults like <see cref="WhisperFullParams"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct WhisperContextParams
{
    public byte UseGpu;
    public byte FlashAttn;
    public int GpuDevice;

    public byte DtwTokenTimestamps;
    public int DtwAheadsPreset;

    public int DtwNTop;
    public nuint DtwAheadsNHeads;
    public IntPtr DtwAheadsHeads;

    public nuint DtwMemSize;
}
