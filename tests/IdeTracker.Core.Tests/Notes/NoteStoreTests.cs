using IdeTracker.Core.Notes;
using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Notes;

public sealed class NoteStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private NoteStore Store() => new(_temp.Combine("workspace"));

    private string Audio(string name = "rec.wav", int bytes = 1000)
    {
        var path = _temp.Combine(name);
        var content = new byte[bytes];
        new Random(bytes).NextBytes(content);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void A_moved_recording_becomes_a_note_folder_with_its_audio_and_note_json_and_leaves_nothing_behind()
    {
        var source = Audio();
        var bytes = File.ReadAllBytes(source);
        var store = Store();

        var note = store.Create(source, move: true, ["abc123"], Now);

        Assert.False(File.Exists(source));
        Assert.Equal(bytes, File.ReadAllBytes(store.PathOf(note, note.AudioFile)));
        Assert.True(File.Exists(store.PathOf(note, NoteFileFormat.FileName)));
        Assert.Equal(["abc123"], note.RunIds);
        Assert.Equal("selected", note.LinkReason);
        Assert.Equal(NoteStatus.Recorded, note.Status);
        Assert.StartsWith("20261202-013000-", note.Id);
        Assert.Empty(Directory.EnumerateFiles(store.FolderOf(note.Id), "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(note, store.Get(note.Id));
    }

    [Fact]
    public void A_chosen_file_is_copied_and_stays_where_it_was()
    {
        var source = Audio("chosen.WAV");
        var note = Store().Create(source, move: false, [], Now);

        Assert.True(File.Exists(source));
        Assert.Equal("audio.wav", note.AudioFile);
        Assert.Null(note.LinkReason);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(Store().PathOf(note, note.AudioFile)));
    }

    [Fact]
    public void A_missing_audio_file_is_named_and_no_folder_is_made()
    {
        var missing = _temp.Combine("nope.wav");
        var error = Assert.Throws<NoteFileException>(() => Store().Create(missing, move: true, [], Now));

        Assert.Contains(missing, error.Message);
        Assert.Empty(Store().List().Notes);
    }

    [Fact]
    public void Notes_list_newest_first_and_a_damaged_note_json_is_a_located_problem_left_untouched()
    {
        var store = Store();
        var older = store.Create(Audio("a.wav"), move: true, [], Now);
        var newer = store.Create(Audio("b.wav", 2000), move: true, [], Now.AddMinutes(5));
        var broken = store.Create(Audio("c.wav", 3000), move: true, [], Now.AddMinutes(1));
        var brokenFile = store.PathOf(broken, NoteFileFormat.FileName);
        File.WriteAllText(brokenFile, "{\n  \"id\": \"x\",\n  oops\n}");

        var listing = store.List();

        Assert.Equal([newer.Id, older.Id], listing.Notes.Select(n => n.Id));
        var problem = Assert.Single(listing.Problems);
        Assert.Contains(brokenFile + ":3:", problem);
        Assert.Equal("{\n  \"id\": \"x\",\n  oops\n}", File.ReadAllText(brokenFile));
    }

    [Fact]
    public void A_folder_whose_note_json_was_lost_is_still_listed_by_its_audio()
    {
        var store = Store();
        var note = store.Create(Audio(), move: true, [], Now);
        File.Delete(store.PathOf(note, NoteFileFormat.FileName));

        var recovered = Assert.Single(store.List().Notes);

        Assert.Equal(note.Id, recovered.Id);
        Assert.Equal(note.AudioFile, recovered.AudioFile);
        Assert.Equal(NoteStatus.Recorded, recovered.Status);
    }

    [Fact]
    public void A_transcript_is_kept_as_json_and_text_and_reads_back_the_same()
    {
        var store = Store();
        var note = store.Create(Audio(), move: true, [], Now);
        var transcript = new Transcript([new TranscriptSegment(0, 2400, " Tried lr 3e-4."), new TranscriptSegment(2400, 65_000, " Next, a bigger batch.")], "en", 65_000);

        var saved = store.SaveTranscript(note, transcript, "Tried lr 3e-4");

        Assert.Equal(NoteStatus.Transcribed, saved.Status);
        Assert.Equal("Tried lr 3e-4", saved.Title);
        Assert.Equal(65_000, saved.AudioMs);
        Assert.Equal(transcript.Segments, store.ReadTranscript(saved)!.Segments);
        Assert.Equal("[0:00] Tried lr 3e-4.\n[0:02] Next, a bigger batch.\n", File.ReadAllText(store.PathOf(saved, TranscriptFileFormat.TextFileName)).ReplaceLineEndings("\n"));
        Assert.Equal(saved, store.Get(note.Id));
    }

    [Fact]
    public void A_draft_the_user_edited_is_never_written_over_the_next_draft_gets_a_new_name()
    {
        var store = Store();
        var note = store.Create(Audio(), move: true, [], Now);

        var first = store.SaveDraft(note, "# Draft one\n", ["r1"], "mostRecent");
        var again = store.SaveDraft(first, "# Draft two\n", ["r1"], "mostRecent");
        Assert.Equal(NoteStore.DefaultDraftName, again.DraftFile);
        Assert.Equal("# Draft two\n", File.ReadAllText(store.PathOf(again, NoteStore.DefaultDraftName)));

        File.AppendAllText(store.PathOf(again, NoteStore.DefaultDraftName), "My own words.\n");
        var third = store.SaveDraft(again, "# Draft three\n", ["r1"], "mostRecent");

        Assert.Equal("README-2.md", third.DraftFile);
        Assert.Equal("# Draft two\nMy own words.\n", File.ReadAllText(store.PathOf(third, NoteStore.DefaultDraftName)));
        Assert.Equal("# Draft three\n", File.ReadAllText(store.PathOf(third, "README-2.md")));
        Assert.Equal(NoteStatus.Drafted, store.Get(note.Id).Status);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void An_id_that_is_not_a_plain_name_is_refused(string id)
    {
        Assert.Throws<NoteFileException>(() => Store().Get(id));
    }

    [Fact]
    public void An_unknown_status_in_note_json_is_a_located_problem()
    {
        var store = Store();
        var note = store.Create(Audio(), move: true, [], Now);
        var file = store.PathOf(note, NoteFileFormat.FileName);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"recorded\"", "\"shouting\""));

        var error = Assert.Throws<NoteFileException>(() => store.Get(note.Id));

        Assert.Contains(file, error.Message);
        Assert.Contains("shouting", error.Message);
    }
}
