using System.Collections.Concurrent;
using IdeTracker.Core.Notes;
using IdeTracker.Core.Notes.Drafts;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Server.Features.Indexing;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Notes;

/// <summary>Voice notes for one workspace: making them from audio, transcribing them (one at a time, in the worker
/// process, with progress and cancel), drafting their README, and the model they need. A transcription that fails
/// leaves the note failed with the reason and its audio kept, to retry; a note left "transcribing" by a server that
/// stopped is shown as interrupted.</summary>
public sealed class NotesFeature(
    WorkspaceSession session,
    ITranscriber transcriber,
    SpeechModels models,
    Func<DraftRequest, ReadmeDraft> draft,
    Func<WorkspaceSession, string?> initialPrompt,
    Func<NotesChangedParams, IReadOnlyList<string>, Task> changed)
{
    public const string Interrupted = "The transcription was interrupted (the server stopped); the audio is kept: transcribe it again.";
    public const string Cancelled = "The transcription was cancelled; the audio is kept.";
    private readonly ConcurrentDictionary<string, byte> _transcribing = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The notes as last read: a run's details (asked on every tree tooltip) read them from here instead of
    /// every note.json. Listing for the Notes view reads the folder again; every write here drops it.</summary>
    private NoteListing? _listing;

    public NoteStore Store { get; } = new(session.Root);

    public SpeechModels Models => models;

    public NotesListResult List(DateTimeOffset now)
    {
        var listing = Store.List();
        Volatile.Write(ref _listing, listing);
        var dtos = new NoteDtos(Store, session.Store, now);
        return new NotesListResult([.. listing.Notes.Select(n => dtos.Of(AsSeen(n)))], listing.Problems);
    }

    public IReadOnlyList<RunNoteDto> NotesForRun(string runId, DateTimeOffset now)
    {
        var dtos = new NoteDtos(Store, session.Store, now);
        var listing = Volatile.Read(ref _listing) ?? Store.List();
        Volatile.Write(ref _listing, listing);
        return [.. listing.Notes.Where(n => n.RunIds.Contains(runId, StringComparer.Ordinal)).Select(dtos.BriefOf)];
    }

    /// <exception cref="NoteFileException">The audio is missing or the notes folder cannot be written.</exception>
    public async Task<NoteDto> CreateAsync(CreateNoteParams request, DateTimeOffset now)
    {
        var note = Store.Create(request.AudioPath, request.MoveAudio, request.RunIds ?? [], now);
        await ChangedAsync(new NotesChangedParams([note.Id]), note.RunIds).ConfigureAwait(false);
        return new NoteDtos(Store, session.Store, now).Of(note);
    }

    /// <summary>Transcribes a note's audio. Failures are the note's state (status failed, the reason in its error),
    /// not a request error; only an unknown note or an unwritable folder fails the request.</summary>
    public async Task<NoteDto> TranscribeAsync(NoteRequestParams request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var note = Store.Get(request.NoteId);
        if (!_transcribing.TryAdd(note.Id, 0))
        {
            throw new InvalidOperationException($"voice note {note.Id} is already being transcribed");
        }

        try
        {
            note = Store.Save(note with { Status = NoteStatus.Transcribing, Error = null });
            await ChangedAsync(new NotesChangedParams([note.Id]), []).ConfigureAwait(false);
            note = await TranscribeNoteAsync(note, request.Speech ?? new SpeechSettings(), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The note is back to recorded (its audio kept): the view must stop showing it as transcribing.
            await ChangedAsync(new NotesChangedParams([note.Id]), []).ConfigureAwait(false);
            throw;
        }
        finally
        {
            _transcribing.TryRemove(note.Id, out _);
        }

        await ChangedAsync(new NotesChangedParams([note.Id]), note.RunIds).ConfigureAwait(false);
        return new NoteDtos(Store, session.Store, DateTimeOffset.UtcNow).Of(note);
    }

    /// <exception cref="InvalidOperationException">The note has no transcript yet.</exception>
    public async Task<NoteDto> DraftAsync(NoteRequestParams request, DateTimeOffset now)
    {
        var note = AsSeen(Store.Get(request.NoteId));
        var transcript = Store.ReadTranscript(note)
            ?? throw new InvalidOperationException($"voice note {note.Id} has no transcript yet: transcribe it first");
        var selected = request.RunIds is { Count: > 0 } chosen ? chosen : note.LinkReason == "selected" ? note.RunIds : [];
        var drafted = draft(new DraftRequest(transcript.Text, selected, Store.FolderOf(note.Id), now));
        var saved = Store.SaveDraft(note, drafted.Markdown, drafted.RunIds, LinkReasonName(drafted.LinkReason));
        await ChangedAsync(new NotesChangedParams([saved.Id]), [.. saved.RunIds.Union(note.RunIds)]).ConfigureAwait(false);
        return new NoteDtos(Store, session.Store, now).Of(saved);
    }

    private Task ChangedAsync(NotesChangedParams notes, IReadOnlyList<string> runIds)
    {
        Volatile.Write(ref _listing, null);
        return changed(notes, runIds);
    }

    public static string LinkReasonName(RunLinkReason reason) => reason switch
    {
        RunLinkReason.Selected => "selected",
        RunLinkReason.Spoken => "spoken",
        RunLinkReason.MostRecent => "mostRecent",
        _ => "none",
    };

    private async Task<VoiceNote> TranscribeNoteAsync(VoiceNote note, SpeechSettings speech, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var model = await models.ResolveAsync(speech, cancellationToken).ConfigureAwait(false);
                var language = string.IsNullOrWhiteSpace(speech.Language) ? "en" : speech.Language.Trim();
                var options = new TranscriptionOptions(model, language, initialPrompt(session), speech.Threads ?? 0);
                var transcript = await transcriber.TranscribeAsync(Store.PathOf(note, note.AudioFile), options, progress, cancellationToken).ConfigureAwait(false);
                var title = note.Title == NoteStore.DefaultTitle(note.CreatedAt) ? TranscriptStory.Of(transcript.Text).Title ?? note.Title : note.Title;
                return Store.SaveTranscript(note, transcript, title);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }
        catch (Exception e) when (e is TranscriptionException or ArgumentException)
        {
            return Store.Save(note with { Status = NoteStatus.Failed, Error = e.Message });
        }
        catch (OperationCanceledException)
        {
            Store.Save(note with { Status = note.TranscriptFile is null ? NoteStatus.Recorded : NoteStatus.Transcribed, Error = Cancelled });
            throw;
        }
    }

    /// <summary>A note this process is not transcribing cannot be "transcribing": the server that was is gone.</summary>
    private VoiceNote AsSeen(VoiceNote note) =>
        note.Status == NoteStatus.Transcribing && !_transcribing.ContainsKey(note.Id)
            ? note with { Status = NoteStatus.Failed, Error = Interrupted }
            : note;
}
