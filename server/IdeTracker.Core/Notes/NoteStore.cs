using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IdeTracker.Core.IO;
using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Core.Notes;

/// <summary>Voice notes on disk: <c>&lt;workspace&gt;/.ide-tracker/notes/&lt;id&gt;/</c> holds the audio, <c>note.json</c>,
/// the transcript, the README draft and its plots. Every file is written atomically; audio is never deleted; a draft
/// the user has edited is never written over (the next draft gets a new name); a folder whose <c>note.json</c> is lost
/// but whose audio is there is still listed, so the recording can be transcribed.</summary>
public sealed class NoteStore(string workspaceRoot)
{
    public const string DefaultDraftName = "README.md";
    private const string AudioStem = "audio";
    private static readonly HashSet<string> AudioExtensions = new(StringComparer.OrdinalIgnoreCase) { ".wav", ".wave" };

    public string Folder { get; } = Path.Combine(Path.GetFullPath(workspaceRoot), ".ide-tracker", "notes");

    /// <summary>Where the extension records before a note is made of the file.</summary>
    public string RecordingsFolder => Path.Combine(Folder, ".recordings");

    public NoteListing List()
    {
        if (!Directory.Exists(Folder))
        {
            return new NoteListing([], []);
        }

        var notes = new List<VoiceNote>();
        var problems = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            var id = Path.GetFileName(folder);
            if (id.StartsWith('.') || !PlainFileName.IsPlain(id))
            {
                continue;
            }

            try
            {
                if (Read(id) is { } note)
                {
                    notes.Add(note);
                }
            }
            catch (NoteFileException e)
            {
                problems.Add(e.Message);
            }
        }

        notes.Sort((a, b) => b.CreatedAt.CompareTo(a.CreatedAt) is var byTime and not 0 ? byTime : string.CompareOrdinal(b.Id, a.Id));
        return new NoteListing(notes, problems);
    }

    /// <exception cref="NoteFileException">No such note, or its note.json does not parse.</exception>
    public VoiceNote Get(string id) => Read(id) ?? throw new NoteFileException($"there is no voice note '{id}' in {Folder}");

    public string FolderOf(string id) =>
        PlainFileName.IsPlain(id) ? Path.Combine(Folder, id) : throw new NoteFileException($"'{id}' is not a voice note id");

    public string PathOf(VoiceNote note, string fileName) => Path.Combine(FolderOf(note.Id), fileName);

    /// <summary>Makes a note of <paramref name="audioPath"/>: moved into the note's folder when <paramref name="move"/>
    /// (a recording just made), else copied (a file the user owns elsewhere).</summary>
    /// <exception cref="NoteFileException">The audio file is missing, or the notes folder cannot be written.</exception>
    public VoiceNote Create(string audioPath, bool move, IReadOnlyList<string> runIds, DateTimeOffset now)
    {
        var source = Path.GetFullPath(audioPath);
        if (!File.Exists(source))
        {
            throw new NoteFileException($"{source}: there is no such audio file");
        }

        var extension = Path.GetExtension(source) is { Length: > 0 and <= 8 } ext && ext.All(c => c == '.' || char.IsAsciiLetterOrDigit(c)) ? ext.ToLowerInvariant() : ".wav";
        try
        {
            var (id, folder) = NewFolder(now);
            var audioFile = AudioStem + extension;
            var target = Path.Combine(folder, audioFile);
            if (move)
            {
                File.Move(source, target);
            }
            else
            {
                var temp = Path.Combine(folder, $".{audioFile}.{Guid.NewGuid():N}{AtomicFile.TempSuffix}");
                File.Copy(source, temp);
                File.Move(temp, target);
            }

            var note = new VoiceNote
            {
                Id = id,
                CreatedAt = now,
                Title = DefaultTitle(now),
                AudioFile = audioFile,
                RunIds = runIds,
                LinkReason = runIds.Count > 0 ? "selected" : null,
            };
            return Save(note);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoteFileException($"{Folder}: cannot make a note of {source}: {e.Message}", e);
        }
    }

    /// <exception cref="NoteFileException">The note's folder cannot be written.</exception>
    public VoiceNote Save(VoiceNote note)
    {
        try
        {
            AtomicFile.WriteText(Path.Combine(FolderOf(note.Id), NoteFileFormat.FileName), NoteFileFormat.Serialize(note));
            return note;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoteFileException($"{FolderOf(note.Id)}: cannot save the note: {e.Message}", e);
        }
    }

    public VoiceNote SaveTranscript(VoiceNote note, Transcript transcript, string title)
    {
        try
        {
            TranscriptFileFormat.Write(FolderOf(note.Id), transcript);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoteFileException($"{FolderOf(note.Id)}: cannot save the transcript: {e.Message}", e);
        }

        return Save(note with
        {
            Status = note.DraftFile is null ? NoteStatus.Transcribed : NoteStatus.Drafted,
            Error = null,
            TranscriptFile = TranscriptFileFormat.JsonFileName,
            Language = transcript.Language,
            AudioMs = transcript.AudioMs,
            Title = title,
        });
    }

    public Transcript? ReadTranscript(VoiceNote note) =>
        note.TranscriptFile is { } file && File.Exists(PathOf(note, file)) ? TranscriptFileFormat.Read(PathOf(note, file)) : null;

    /// <summary>Writes the draft over the last one we wrote, unless the user changed that file since: then the draft
    /// goes to README-2.md (or the next free name) and theirs stays as it is.</summary>
    public VoiceNote SaveDraft(VoiceNote note, string markdown, IReadOnlyList<string> runIds, string linkReason)
    {
        var folder = FolderOf(note.Id);
        var name = note.DraftFile ?? DefaultDraftName;
        if (File.Exists(Path.Combine(folder, name)) && Sha256(File.ReadAllBytes(Path.Combine(folder, name))) != note.DraftSha256)
        {
            name = FreeDraftName(folder);
        }

        var bytes = new UTF8Encoding(false).GetBytes(markdown);
        try
        {
            AtomicFile.Write(Path.Combine(folder, name), bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NoteFileException($"{folder}: cannot save the draft: {e.Message}", e);
        }

        return Save(note with { Status = NoteStatus.Drafted, DraftFile = name, DraftSha256 = Sha256(bytes), RunIds = runIds, LinkReason = linkReason });
    }

    public static string DefaultTitle(DateTimeOffset createdAt) =>
        "Voice note, " + createdAt.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private VoiceNote? Read(string id)
    {
        var folder = FolderOf(id);
        var file = Path.Combine(folder, NoteFileFormat.FileName);
        if (File.Exists(file))
        {
            var note = NoteFileFormat.Read(file);
            return note.Id == id ? note : note with { Id = id };
        }

        return Recovered(id, folder);
    }

    /// <summary>A folder with audio but no note.json (a crash between the two writes, or a hand-made folder).</summary>
    private static VoiceNote? Recovered(string id, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var audio = Directory.EnumerateFiles(folder).FirstOrDefault(f => AudioExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'));
        if (audio is null)
        {
            return null;
        }

        var created = new DateTimeOffset(File.GetLastWriteTimeUtc(audio), TimeSpan.Zero);
        return new VoiceNote { Id = id, CreatedAt = created, Title = DefaultTitle(created), AudioFile = Path.GetFileName(audio) };
    }

    private (string Id, string Folder) NewFolder(DateTimeOffset now)
    {
        Directory.CreateDirectory(Folder);
        for (var attempt = 0; ; attempt++)
        {
            var id = now.ToUniversalTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
            var folder = Path.Combine(Folder, id);
            if (!Directory.Exists(folder) || attempt > 100)
            {
                Directory.CreateDirectory(folder);
                return (id, folder);
            }
        }
    }

    private static string FreeDraftName(string folder)
    {
        for (var n = 2; ; n++)
        {
            var name = $"README-{n}.md";
            if (!File.Exists(Path.Combine(folder, name)))
            {
                return name;
            }
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
