using Google.Protobuf;
using Google.Protobuf.Collections;
using IdeTracker.Core.Readers.Wandb.Proto;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Applies one logical record of the log to the state. History rows go to the hand decoder in
/// <see cref="History"/>; console output and system stats only lend their time; the rare records (run,
/// config, summary, telemetry, exit) are parsed with the generated classes. A record that does not decode is
/// a warning and is skipped: its checksum was right, so it is a record we do not understand, not damage.</summary>
internal static class RecordDecoder
{
    private const int HistoryField = 2;
    private const int SummaryField = 3;
    private const int OutputField = 4;
    private const int ConfigField = 5;
    private const int StatsField = 7;
    private const int TelemetryField = 11;
    private const int OutputRawField = 13;
    private const int RunField = 17;
    private const int ExitField = 18;

    /// <summary>Field of the time in OutputRecord and StatsRecord.</summary>
    private const int TimestampField = 2;

    public static void Apply(ReadOnlySpan<byte> record, long offset, WandbLogState state)
    {
        var wire = new ProtoWire(record);
        while (!wire.AtEnd)
        {
            if (!wire.TryReadTag(out var field, out var wireType))
            {
                Skip(state, offset);
                return;
            }

            if (wireType != ProtoWire.LengthDelimited || field is < HistoryField or > ExitField)
            {
                if (!wire.TrySkip(wireType))
                {
                    Skip(state, offset);
                    return;
                }

                continue;
            }

            if (!wire.TryReadBytes(out var body) || !ApplyBody(field, body, state))
            {
                Skip(state, offset);
                return;
            }
        }
    }

    private static bool ApplyBody(int field, ReadOnlySpan<byte> body, WandbLogState state)
    {
        try
        {
            switch (field)
            {
                case HistoryField:
                    return state.History.Apply(body);
                case OutputField or OutputRawField or StatsField:
                    return TryNoteTime(body, state);
                case SummaryField:
                    var summary = SummaryRecord.Parser.ParseFrom(body);
                    ApplyItems(summary.Update, summary.Remove, state.Summary);
                    return true;
                case ConfigField:
                    var config = ConfigRecord.Parser.ParseFrom(body);
                    ApplyItems(config.Update, config.Remove, state.Config);
                    return true;
                case TelemetryField:
                    ApplyTelemetry(TelemetryRecord.Parser.ParseFrom(body), state.Facts);
                    return true;
                case RunField:
                    ApplyRun(RunRecord.Parser.ParseFrom(body), state);
                    return true;
                case ExitField:
                    var exit = RunExitRecord.Parser.ParseFrom(body);
                    state.Facts.ExitCode = exit.ExitCode;
                    state.Facts.ExitRuntimeSeconds = exit.Runtime;
                    return true;
                default:
                    // Files, artifacts, metrics definitions, final/header/footer markers…: nothing we show.
                    return true;
            }
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private static void Skip(WandbLogState state, long offset) =>
        state.Problems.Add(offset, "a record that is not valid protobuf; skipped");

    private static void ApplyItems(RepeatedField<HistoryItem> updates, RepeatedField<HistoryItem> removes, Dictionary<string, string> into)
    {
        foreach (var item in updates)
        {
            into[KeyOf(item)] = item.ValueJson;
        }

        foreach (var item in removes)
        {
            into.Remove(KeyOf(item));
        }
    }

    private static string KeyOf(HistoryItem item) => item.NestedKey.Count > 0 ? string.Join('.', item.NestedKey) : item.Key;

    private static void ApplyTelemetry(TelemetryRecord telemetry, RunFacts facts)
    {
        facts.PythonVersion = NonEmpty(telemetry.PythonVersion) ?? facts.PythonVersion;
        facts.CliVersion = NonEmpty(telemetry.CliVersion) ?? facts.CliVersion;
        facts.HuggingfaceVersion = NonEmpty(telemetry.HuggingfaceVersion) ?? facts.HuggingfaceVersion;
    }

    /// <summary>A run record may come again (a resumed run, an update); what it states replaces what was known.</summary>
    private static void ApplyRun(RunRecord run, WandbLogState state)
    {
        var facts = state.Facts;
        facts.RunId = NonEmpty(run.RunId) ?? facts.RunId;
        facts.Entity = NonEmpty(run.Entity) ?? facts.Entity;
        facts.Project = NonEmpty(run.Project) ?? facts.Project;
        facts.DisplayName = NonEmpty(run.DisplayName) ?? facts.DisplayName;
        facts.Notes = NonEmpty(run.Notes) ?? facts.Notes;
        facts.Group = NonEmpty(run.RunGroup) ?? facts.Group;
        facts.JobType = NonEmpty(run.JobType) ?? facts.JobType;
        facts.SweepId = NonEmpty(run.SweepId) ?? facts.SweepId;
        facts.Host = NonEmpty(run.Host) ?? facts.Host;
        if (run.Tags.Count > 0)
        {
            facts.Tags = [.. run.Tags];
        }

        if (run.StartTime is { } start && (start.Seconds != 0 || start.Nanos != 0))
        {
            facts.StartTime = DateTimeOffset.FromUnixTimeMilliseconds(MillisecondsOf(start.Seconds, start.Nanos));
            state.LastRecordedMs = Math.Max(state.LastRecordedMs, MillisecondsOf(start.Seconds, start.Nanos));
        }

        if (run.Git is { } git)
        {
            facts.GitRemote = NonEmpty(git.RemoteUrl) ?? facts.GitRemote;
            facts.GitCommit = NonEmpty(git.Commit) ?? facts.GitCommit;
        }

        if (run.Config is { } config)
        {
            ApplyItems(config.Update, config.Remove, state.Config);
        }

        if (run.Summary is { } summary)
        {
            ApplyItems(summary.Update, summary.Remove, state.Summary);
        }

        if (run.Telemetry is { } telemetry)
        {
            ApplyTelemetry(telemetry, facts);
        }
    }

    /// <summary>Reads the google.protobuf.Timestamp of an output or stats record by hand: console lines are
    /// frequent, and their text is not needed.</summary>
    private static bool TryNoteTime(ReadOnlySpan<byte> body, WandbLogState state)
    {
        var wire = new ProtoWire(body);
        while (!wire.AtEnd)
        {
            if (!wire.TryReadTag(out var field, out var wireType))
            {
                return false;
            }

            if (field == TimestampField && wireType == ProtoWire.LengthDelimited)
            {
                if (!wire.TryReadBytes(out var timestamp) || !TryReadTimestamp(timestamp, out var ms))
                {
                    return false;
                }

                state.LastRecordedMs = Math.Max(state.LastRecordedMs, ms);
            }
            else if (!wire.TrySkip(wireType))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadTimestamp(ReadOnlySpan<byte> timestamp, out long ms)
    {
        long seconds = 0;
        long nanos = 0;
        var wire = new ProtoWire(timestamp);
        while (!wire.AtEnd)
        {
            if (!wire.TryReadTag(out var field, out var wireType))
            {
                ms = 0;
                return false;
            }

            if (field is 1 or 2 && wireType == ProtoWire.Varint && wire.TryReadVarint(out var value))
            {
                if (field == 1)
                {
                    seconds = (long)value;
                }
                else
                {
                    nanos = (long)value;
                }
            }
            else if (!wire.TrySkip(wireType))
            {
                ms = 0;
                return false;
            }
        }

        ms = MillisecondsOf(seconds, nanos);
        return true;
    }

    /// <summary>Clamped to what DateTimeOffset can hold, so a wild timestamp cannot throw later.</summary>
    private static long MillisecondsOf(long seconds, long nanos)
    {
        const long MaxSeconds = 253_402_300_799;
        var clamped = Math.Clamp(seconds, 0, MaxSeconds);
        return (clamped * 1000) + Math.Clamp(nanos / 1_000_000, 0, 999);
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
