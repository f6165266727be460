using System.Text;
using System.Text.Json;
using WebApp.Data.Entities;
using WebApp.Tests.Reader;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Exports;

public sealed class TranscriptExporterTests
{
    private static readonly Transcript Named = new()
    {
        Id = Guid.NewGuid(),
        Title = "Weekly sync.wav",
        Status = TranscriptStatus.Completed,
        AudioUrl = "https://storage.example.com/private/sync.wav?signature=secret",
        OptionsJson = StoredOptions.Write(new TranscriptOptions()),
        WordsJson = StoredWords.Write(ReaderDatabase.Conversation),
        SpeakerNamesJson = """{"A":"Dana"}""",
        AudioDurationSeconds = 3.4,
        LanguageCode = "en_us",
    };

    [Fact]
    public void Txt_HasTheTitle_ThenEachTurnUnderItsSpeakerAndTime()
    {
        var file = TranscriptExporter.Export(Named, ExportFormat.Txt);

        Assert.Equal("Weekly sync.txt", file.FileName);
        Assert.StartsWith("text/plain", file.ContentType);
        Assert.Equal(
            "Weekly sync\n\nDana (0:00)\nhello there\n\nSpeaker B (0:01)\ngood morning\n\nDana (0:02)\nhow are you\n",
            Encoding.UTF8.GetString(file.Content));
    }

    [Fact]
    public void Captions_NameTheSpeakers()
    {
        var srt = Encoding.UTF8.GetString(TranscriptExporter.Export(Named, ExportFormat.Srt).Content);
        Assert.StartsWith("1\n00:00:00,000 --> 00:00:00,800\nDana: hello there\n\n2\n00:00:01,200 --> 00:00:02,000\nSpeaker B: good morning\n\n", srt);

        var vtt = Encoding.UTF8.GetString(TranscriptExporter.Export(Named, ExportFormat.Vtt).Content);
        Assert.StartsWith("WEBVTT\n\n00:00.000 --> 00:00.800\n<v Dana>hello there\n\n", vtt);
    }

    [Fact]
    public void Json_HasWordsAndNamedTurns_ButNotTheAudioUrl()
    {
        var file = TranscriptExporter.Export(Named, ExportFormat.Json);
        var json = JsonDocument.Parse(file.Content).RootElement;

        Assert.Equal("Weekly sync", json.GetProperty("title").GetString());
        Assert.Equal("hello there good morning how are you", json.GetProperty("text").GetString());
        Assert.Equal(7, json.GetProperty("words").GetArrayLength());
        Assert.Equal("A", json.GetProperty("words")[0].GetProperty("speaker").GetString());
        Assert.Equal(["Dana", "Speaker B", "Dana"], json.GetProperty("utterances").EnumerateArray().Select(u => u.GetProperty("speaker_name").GetString()));
        Assert.Equal("Dana", json.GetProperty("speakers")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("signature", Encoding.UTF8.GetString(file.Content));
    }

    [Theory]
    [InlineData("txt", true)]
    [InlineData("DOCX", true)]
    [InlineData("pdf", false)]
    [InlineData("4", false)]
    [InlineData("", false)]
    public void TryParse_KnowsTheFiveFormats(string name, bool known) => Assert.Equal(known, TranscriptExporter.TryParse(name, out _));

    [Theory]
    [InlineData("Board meeting.mp3", "Board meeting")]
    [InlineData("version 1.2 notes", "version 1.2 notes")]
    [InlineData("a/b:c?.wav", "a_b_c_")]
    [InlineData("...", "transcript")]
    public void FileStem_IsASafeNameFromTheTitle(string title, string expected) => Assert.Equal(expected, TranscriptExporter.FileStem(title));
}
