using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IdeTracker.Server.Speech;

/// <summary>Gives the worker a protocol stream native code cannot write to. On Unix the original stdout (fd 1) is
/// duplicated for the protocol and fd 2 is copied over fd 1, so a stray printf in whisper.cpp or ggml lands in
/// stderr instead of between protocol lines. Must run before the native library is loaded.</summary>
internal static partial class ProtocolStdout
{
    private const int StdoutFd = 1;
    private const int StderrFd = 2;

    public static Stream Take()
    {
        if (OperatingSystem.IsWindows())
        {
            // No fd games there; native output is routed by the log callbacks, printf would still reach stdout.
            return Console.OpenStandardOutput();
        }

        var protocol = Dup(StdoutFd);
        if (protocol < 0 || Dup2(StderrFd, StdoutFd) < 0)
        {
            throw new IOException($"could not set the worker's stdout aside (errno {Marshal.GetLastPInvokeError()})");
        }

        return new FileStream(new SafeFileHandle(protocol, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int from, int to);
}
