namespace IdeTracker.Core.Tests.Speech.Audio;

public enum SampleEncoding
{
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
}
