using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>What whisper.cpp's progress and abort callbacks reach through their user-data pointer (a GCHandle).
/// Nothing here may throw: an exception escaping into native code ends the process.</summary>
internal sealed class NativeCallbacks(Action<int> progress, CancellationToken cancellationToken)
{
    public bool Cancelled => cancellationToken.IsCancellationRequested;

    public static NativeCallbacks? From(IntPtr userData) =>
        userData == IntPtr.Zero ? null : GCHandle.FromIntPtr(userData).Target as NativeCallbacks;

    public void Progress(int percent)
    {
        try
        {
            progress(Math.Clamp(percent, 0, 100));
        }
        catch (Exception error)
        {
            // A progress listener's failure must not unwind through whisper_full.
            Console.Error.WriteLine($"progress listener failed: {error.Message}");
        }
    }
}
