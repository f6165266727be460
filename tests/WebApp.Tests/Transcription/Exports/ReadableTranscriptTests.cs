using WebApp.Data.Entities;
using WebApp.Tests.Reader;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Exports;

public sealed class ReadableTranscriptTests
{
    [Fact]
    public void From_WordsWithSpeakers_GroupsTurnsAndAppliesGivenNames()
    {
        var readable = ReadableTranscript.From("Sync", ReaderDatabase.Conversation, SpeakerNames.Empty.With("A", "Dana"));

        Assert.Equal(["A", "B"], readable.Speakers);
        Assert.Equal(
            [("A", "Dana", 0, "hello there"), ("B", "Speaker B", 2, "good morning"), ("A", "Dana", 4, "how are you")],
            readable.Blocks.Select(b => (b.Speaker, b.SpeakerName, b.FirstWordIndex, b.Text)));
        Assert.Equal(1200, readable.Blocks[1].Start);
        Assert.Equal(1, readable.SpeakerNumber("B"));
    }

    [Fact]
    public void From_WordsWithoutSpeakers_GroupsParagraphsWithoutNames()
    {
        Word[] words = [new("one", 0, 300, 0.9), new("two", 350, 600, 0.9), new("three", 4000, 4300, 0.9)];

        var readable = ReadableTranscript.From("Talk", words, SpeakerNames.Empty);

        Assert.Empty(readable.Speakers);
        Assert.Equal([(null, null, 0, "one two"), (null, null, 2, "three")], readable.Blocks.Select(b => ((string?)b.Speaker, b.SpeakerName, b.FirstWordIndex, b.Text)));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, 0)]
    [InlineData(449, 0)]
    [InlineData(450, 1)]
    [InlineData(1100, 1)]
    [InlineData(1200, 2)]
    [InlineData(99_999, 6)]
    public void WordIndexAt_IsTheLastWordStartedByThen(int milliseconds, int? expected)
    {
        var readable = ReadableTranscript.From("Sync", ReaderDatabase.Conversation, SpeakerNames.Empty);

        Assert.Equal(expected, readable.WordIndexAt(milliseconds));
    }

    [Fact]
    public void From_Transcript_UsesItsTitleOrSaysUntitled_AndShowsNoWordsOnceDeleted()
    {
        var transcript = new Transcript
        {
            AudioUrl = "http://deleted_by_user",
            OptionsJson = StoredOptions.Write(new TranscriptOptions()),
            Title = null,
            WordsJson = StoredWords.Write(ReaderDatabase.Conversation),
            SpeakerNamesJson = """{"B":"Lee"}""",
        };

        var readable = ReadableTranscript.From(transcript);
        Assert.Equal(ReadableTranscript.UntitledTitle, readable.Title);
        Assert.Equal("Lee", readable.Blocks[1].SpeakerName);

        transcript.DeletedAt = DateTime.UtcNow;
        Assert.Empty(ReadableTranscript.From(transcript).Blocks);
    }
}
