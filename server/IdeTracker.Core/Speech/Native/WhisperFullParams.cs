using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>whisper.cpp 1.9.1's <c>struct whisper_full_params</c>, field for field (C <c>bool</c> is one byte, so it
/// is <see cref="byte"/> here to keep the struct blittable). <c>whisper_full</c> takes it by value, so a field added
/// or moved in another version corrupts every call: <c>WhisperLayoutTests</c> reads the library's own defaults
/// through this declaration and fails when any of them lands in the wrong place.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct WhisperFullParams
{
    public int Strategy;
    public int NThreads;
    public int NMaxTextCtx;
    public int OffsetMs;
    public int DurationMs;

    public byte Translate;
    public byte NoContext;
    public byte NoTimestamps;
    public byte SingleSegment;
    public byte PrintSpecial;
    public byte PrintProgress;
    public byte PrintRealtime;
    public byte PrintTimestamps;

    public byte TokenTimestamps;
    public float TholdPt;
    public float TholdPtsum;
    public int MaxLen;
    public byte SplitOnWord;
    public int MaxTokens;

    public byte DebugMode;
    public int AudioCtx;

    public byte TdrzEnable;

    public IntPtr SuppressRegex;

    public IntPtr InitialPrompt;
    public byte CarryInitialPrompt;
    public IntPtr PromptTokens;
    public int PromptNTokens;

    public IntPtr Language;
    public byte DetectLanguage;

    public byte SuppressBlank;
    public byte SuppressNst;

    public float Temperature;
    public float MaxInitialTs;
    public float LengthPenalty;

    public float TemperatureInc;
    public float EntropyThold;
    public float LogprobThold;
    public float NoSpeechThold;

    public int GreedyBestOf;

    public int BeamSize;
    public float BeamPatience;

    public IntPtr NewSegmentCallback;
    public IntPtr NewSegmentCallbackUserData;

    public IntPtr ProgressCallback;
    public IntPtr ProgressCallbackUserData;

    public IntPtr EncoderBeginCallback;
    public IntPtr EncoderBeginCallbackUserData;

    public IntPtr AbortCallback;
    public IntPtr AbortCallbackUserData;

    public IntPtr LogitsFilterCallback;
    public IntPtr LogitsFilterCallbackUserData;

    public IntPtr GrammarRules;
    public nuint NGrammarRules;
    public nuint IStartRule;
    public float GrammarPenalty;

    public byte Vad;
    public IntPtr VadModelPath;

    public WhisperVadParams VadParams;
}
