using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Formatting;

public sealed class MergedWordTimingTests
{
    [Fact]
    public void Format_MergedWords_SpanFromFirstStartToLastEnd()
    {
        var spoken = SpokenWords.From("call four one five five five five one two three four now");

        var phone = TranscriptFormatter.Format(spoken, FormattingOptions.AssemblyAiDefaults)[1];

        Assert.Equal(("415-555-1234", spoken[1].Start, spoken[10].End), (phone.Text, phone.Start, phone.End));
    }

    [Fact]
    public void Format_MergedWords_TakeTheLowestConfidence()
    {
        List<Word> spoken = [new("twenty", 0, 300, 0.9), new("five", 400, 700, 0.4), new("people", 800, 1100, 0.8)];

        var words = TranscriptFormatter.Format(spoken, FormattingOptions.AssemblyAiDefaults);

        Assert.Equal([("25", 0.4), ("people.", 0.8)], words.Select(w => (w.Text, w.Confidence)));
    }

    [Fact]
    public void Format_KeepsSpeakerAndChannel()
    {
        List<Word> spoken = [new("hello", 0, 300, 0.9, "A", "1"), new("there", 400, 700, 0.9, "A", "1")];

        var words = TranscriptFormatter.Format(spoken, FormattingOptions.AssemblyAiDefaults);

        Assert.All(words, w => Assert.Equal(("A", "1"), (w.Speaker, w.Channel)));
    }

    [Fact]
    public void Format_NeverJoinsNumbersAcrossSpeakers() =>
        Assert.Equal("20. Five.", SpokenWords.Format("A: twenty B: five"));

    [Fact]
    public void Format_NoWords_NoWords() =>
        Assert.Empty(TranscriptFormatter.Format([], FormattingOptions.AssemblyAiDefaults));
}
