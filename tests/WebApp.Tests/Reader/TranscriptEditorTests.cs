using System.IO.Compression;
using System.Text;
using WebApp.Data.Entities;
using WebApp.Reader;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Reader;

public sealed class TranscriptEditorTests : IDisposable
{
    private readonly ReaderDatabase database = new();

    [Fact]
    public async Task RenameSpeaker_IsStored_AndEveryExportUsesTheName()
    {
        var transcript = database.AddTranscript();

        var result = await EditAsync(editor => editor.RenameSpeakerAsync(transcript.TeamId, transcript.Id, "A", "Dana"));

        Assert.Null(result.Error);
        var stored = database.Reload(transcript.Id);
        Assert.Equal("""{"A":"Dana"}""", stored.SpeakerNamesJson);
        Assert.Equal("A", StoredWords.Read(stored)![0].Speaker);
        foreach (var format in new[] { ExportFormat.Txt, ExportFormat.Srt, ExportFormat.Vtt, ExportFormat.Json })
        {
            Assert.Contains("Dana", Encoding.UTF8.GetString(TranscriptExporter.Export(stored, format).Content));
        }

        Assert.Contains("Dana (0:00)", DocumentXml(TranscriptExporter.Export(stored, ExportFormat.Docx).Content));
    }

    [Fact]
    public async Task RenameSpeaker_ToBlank_GivesTheLetterBack()
    {
        var transcript = database.AddTranscript();
        await EditAsync(editor => editor.RenameSpeakerAsync(transcript.TeamId, transcript.Id, "A", "Dana"));

        var result = await EditAsync(editor => editor.RenameSpeakerAsync(transcript.TeamId, transcript.Id, "A", " "));

        Assert.Null(result.Error);
        Assert.Null(database.Reload(transcript.Id).SpeakerNamesJson);
    }

    [Fact]
    public async Task RenameSpeaker_Refuses_UnknownSpeakersAndLongNames()
    {
        var transcript = database.AddTranscript();

        Assert.Equal("This transcript has no speaker C.", (await EditAsync(editor => editor.RenameSpeakerAsync(transcript.TeamId, transcript.Id, "C", "Lee"))).Error);
        Assert.NotNull((await EditAsync(editor => editor.RenameSpeakerAsync(transcript.TeamId, transcript.Id, "A", new string('x', 61)))).Error);
        Assert.Null(database.Reload(transcript.Id).SpeakerNamesJson);
    }

    [Fact]
    public async Task EditWord_IsStoredInWordsAndText_KeepsItsTiming_AndExportsAndSearchUseIt()
    {
        var transcript = database.AddTranscript();

        var result = await EditAsync(editor => editor.EditWordAsync(transcript.TeamId, transcript.Id, 3, "  evening "));

        Assert.Null(result.Error);
        var stored = database.Reload(transcript.Id);
        var words = StoredWords.Read(stored)!;
        Assert.Equal(ReaderDatabase.Conversation[3] with { Text = "evening" }, words[3]);
        Assert.Equal("hello there good evening how are you", stored.Text);
        Assert.Equal("hello there good evening how are you", WebApp.Api.V2.TranscriptMapper.ToResponse(stored).Text);
        Assert.Contains("good evening", Encoding.UTF8.GetString(TranscriptExporter.Export(stored, ExportFormat.Txt).Content));
        Assert.Contains("good evening", Encoding.UTF8.GetString(TranscriptExporter.Export(stored, ExportFormat.Srt).Content));
        Assert.Contains("good evening", DocumentXml(TranscriptExporter.Export(stored, ExportFormat.Docx).Content));
        var match = WordSearch.Find(words, ["evening"]).Single();
        Assert.Equal([3], match.Indexes);
        Assert.Equal(0, WordSearch.Find(words, ["morning"]).Single().Count);
    }

    [Fact]
    public async Task EditWord_FindsTheInsightsAgain_AndKeepsEntitiesOnlyRedactionSaw()
    {
        Word[] words =
        [
            new("The", 0, 200, 0.9, "A"), new("support", 250, 600, 0.9, "A"), new("team", 650, 900, 0.9, "A"), new("was", 950, 1100, 0.9, "A"),
            new("wonderful.", 1150, 1700, 0.9, "A"), new("[PERSON_NAME]", 2000, 2400, 0.9, "A"), new("flew", 2450, 2700, 0.9, "A"),
            new("to", 2750, 2850, 0.9, "A"), new("Paris", 2900, 3300, 0.9, "A"), new("yesterday.", 3350, 3900, 0.9, "A"),
        ];
        var found = TranscriptAnalyzer.Analyze(words, words, new InsightOptions(EntityDetection: true, AutoHighlights: true, SentimentAnalysis: true))!;
        // What the job found before redaction hid the name: the stored words can no longer show it was one.
        var before = found with { Entities = [.. found.Entities!, new DetectedEntity("person_name", "[PERSON_NAME]", 2000, 2400)] };
        Assert.Equal(Sentiment.Positive, before.Sentiments![0].Sentiment);
        Assert.Contains(before.Entities!, e => e is { Type: "location", Text: "Paris" });
        Assert.Contains(before.Highlights!, h => h.Text == "paris yesterday");
        var transcript = database.AddTranscript(words);
        database.Update(transcript.Id, t => t.InsightsJson = StoredInsights.Write(before));

        Assert.Null((await EditAsync(editor => editor.EditWordAsync(transcript.TeamId, transcript.Id, 4, "terrible."))).Error);
        Assert.Null((await EditAsync(editor => editor.EditWordAsync(transcript.TeamId, transcript.Id, 8, "there"))).Error);

        var after = StoredInsights.Read(database.Reload(transcript.Id))!;
        Assert.Equal(Sentiment.Negative, after.Sentiments![0].Sentiment);
        Assert.Equal("The support team was terrible.", after.Sentiments[0].Text);
        Assert.DoesNotContain(after.Highlights!, h => h.Text.Contains("paris", StringComparison.Ordinal));
        Assert.Contains(after.Highlights!, h => h.Text == "support team");
        Assert.DoesNotContain(after.Entities!, e => e.Type == "location");
        Assert.Contains(after.Entities!, e => e is { Type: "person_name", Start: 2000 });
    }

    [Theory]
    [InlineData(0, " \t ", "A word cannot be empty.")]
    [InlineData(7, "late", "That word is no longer in the transcript. Reload the page and try again.")]
    [InlineData(-1, "early", "That word is no longer in the transcript. Reload the page and try again.")]
    public async Task EditWord_RefusesEmptyTextAndUnknownWords(int index, string text, string error)
    {
        var transcript = database.AddTranscript();

        Assert.Equal(error, (await EditAsync(editor => editor.EditWordAsync(transcript.TeamId, transcript.Id, index, text))).Error);
        Assert.Equal("hello there good morning how are you", database.Reload(transcript.Id).Text);
    }

    [Fact]
    public async Task Edits_ToAnotherTeamsOrAnUnfinishedTranscript_AreRefused()
    {
        var theirs = database.AddTranscript(teamId: database.OtherUser.PersonalTeamId);
        var queued = database.AddTranscript(status: TranscriptStatus.Queued);

        Assert.Equal("This transcript no longer exists.", (await EditAsync(editor => editor.EditWordAsync(database.User.PersonalTeamId, theirs.Id, 0, "hi"))).Error);
        Assert.Equal("Only a completed transcript can be corrected.", (await EditAsync(editor => editor.RenameSpeakerAsync(queued.TeamId, queued.Id, "A", "Dana"))).Error);
        Assert.Equal("hello there good morning how are you", database.Reload(theirs.Id).Text);
    }

    public void Dispose() => database.Dispose();

    private async Task<EditResult> EditAsync(Func<TranscriptEditor, Task<EditResult>> edit)
    {
        await using var db = database.CreateDbContext();
        return await edit(new TranscriptEditor(db));
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }
}
