using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IdeTracker.Core.Speech.Native;

/// <summary>Where whisper.cpp's and ggml's log lines go: both libraries print to stderr unless given a callback, and
/// the worker wants them as its own stderr lines (the client keeps the last ones for a crash report). Lines are
/// joined from the pieces ggml sends (it logs a line in several calls) and handed to <see cref="Sink"/>.</summary>
public static unsafe class NativeLog
{
    private static readonly Lock Gate = new();
    private static readonly System.Text.StringBuilder Pending = new();
    private static readonly Queue<string> Last = new();
    private const int Kept = 20;

    /// <summary>Receives each complete native log line (without its newline); null drops them.</summary>
    public static Action<string>? Sink { get; set; }

    /// <summary>The last lines logged that contain "error" or "failed" (whisper.cpp's reasons for refusing a file),
    /// oldest first, to put in a message.</summary>
    public static IReadOnlyList<string> RecentErrors()
    {
        lock (Gate)
        {
            return Last.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("failed", StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }

    internal static void Attach(WhisperNativeApi api)
    {
        delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void> callback = &OnLog;
        api.WhisperLogSet((IntPtr)callback, IntPtr.Zero);
        api.GgmlLogSet((IntPtr)callback, IntPtr.Zero);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, IntPtr userData)
    {
        var piece = Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
        lock (Gate)
        {
            Pending.Append(piece);
            var all = Pending.ToString();
            var end = all.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            Pending.Clear().Append(all, end + 1, all.Length - end - 1);
            foreach (var line in all[..end].Split('\n'))
            {
                Last.Enqueue(line);
                if (Last.Count > Kept)
                {
                    Last.Dequeue();
                }

                Sink?.Invoke(line);
            }
        }
    }
}
