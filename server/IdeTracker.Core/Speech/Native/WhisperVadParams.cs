using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>whisper.cpp 1.9.1's <c>whisper_vad_params</c>, the last member of <see cref="WhisperFullParams"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct WhisperVadParams
{
    public float Threshold;
    public int MinSpeechDurationMs;
    public int MinSilenceDurationMs;
    public float MaxSpeechDurationS;
    public int SpeechPadMs;
    public float SamplesOverlap;
}
