using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;
using Microsoft.Win32.SafeHandles;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Reads a run's .wandb log, from the start or from where a previous read stopped.</summary>
internal static class WandbLog
{
    /// <summary>Enough bytes to tell a replaced file from the one read before (the tail of the last record,
    /// checksum included), cheap to keep and to compare.</summary>
    private const int FingerprintBytes = 64;

    /// <summary>The state after reading up to <paramref name="size"/> (the size the stamp saw), how reading
    /// ended (null when the file could not be read), and where to resume next time.</summary>
    public static (WandbLogState State, LogEnd? End, WandbResume? Resume) Read(
        string unitPath, string path, long size, WandbResume? resume, List<Problem> problems, CancellationToken cancellationToken)
    {
        var state = new WandbLogState();
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            size = Math.Min(size, RandomAccess.GetLength(handle));
            if (resume is not null && CanContinue(resume, path, handle, size))
            {
                state = resume.State;
            }

            var end = LogScanner.Scan(handle, size, state, cancellationToken);
            var fingerprint = new byte[(int)Math.Min(state.Offset, FingerprintBytes)];
            var got = RandomAccess.Read(handle, fingerprint, state.Offset - fingerprint.Length);
            WandbResume? next = got == fingerprint.Length
                ? new WandbResume { UnitPath = unitPath, LogPath = path, Offset = state.Offset, State = state, BytesBeforeOffset = fingerprint }
                : null;
            return (state, end, next);
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return (state, null, null);
        }
    }

    /// <summary>The resume is this file's, nothing has used its state since, the file has not shrunk below
    /// the offset, and the bytes before the offset are the ones read last time.</summary>
    private static bool CanContinue(WandbResume resume, string path, SafeFileHandle handle, long size)
    {
        if (resume.LogPath != path || resume.State.Offset != resume.Offset || size < resume.Offset)
        {
            return false;
        }

        var expected = resume.BytesBeforeOffset;
        var actual = new byte[expected.Length];
        return RandomAccess.Read(handle, actual, resume.Offset - expected.Length) == expected.Length
               && actual.AsSpan().SequenceEqual(expected);
    }
}
