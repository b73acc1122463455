namespace IdeTracker.Core.Speech.Transcription;

/// <summary>Why a transcription failed, so the caller can say what to do next.</summary>
public enum TranscriptionFailure
{
    /// <summary>The audio file is missing, empty, not a WAV we read, or damaged.</summary>
    BadAudio,

    /// <summary>The model file is missing, not a ggml Whisper model, or whisper.cpp refused it.</summary>
    BadModel,

    /// <summary>The whisper.cpp library is missing or not the pinned version.</summary>
    EngineMissing,

    /// <summary>The worker process stopped without an answer (a native crash, killed, out of memory).</summary>
    WorkerCrashed,

    /// <summary>whisper_full reported an error.</summary>
    EngineFailed,
}
