using WebApp.Data.Entities;
using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Insights;

public sealed class TranscriptAnalyzerTests
{
    private static readonly List<Word> Said = KeyPhraseExtractorTests.Words("My name is John Smith and I live in Boston. The trip was wonderful.");

    [Fact]
    public void Entities_WithoutRedaction_CarryTheWordsSaid()
    {
        var entities = TranscriptAnalyzer.Entities(Said, Said);
        Assert.Contains(new DetectedEntity("person_name", "John Smith", 1500, 2400), entities);
        Assert.Contains(entities, e => e is { Type: "location", Text: "Boston" });
    }

    [Fact]
    public void Entities_WithRedaction_CarryOnlyTheRedactedText()
    {
        var redacted = PiiRedactor.Redact(Said, [PiiPolicy.PersonName], PiiSubstitution.Hash).Words;
        var entities = TranscriptAnalyzer.Entities(Said, redacted);

        var name = Assert.Single(entities, e => e.Type == "person_name");
        Assert.Equal("#### #####", name.Text);
        Assert.DoesNotContain(entities, e => e.Text.Contains("John") || e.Text.Contains("Smith"));
        // Not redacted, so still found and shown: the place.
        Assert.Contains(entities, e => e is { Type: "location", Text: "Boston" });
    }

    [Fact]
    public void Analyze_RunsOnlyTheStepsAskedFor()
    {
        Assert.Null(TranscriptAnalyzer.Analyze(Said, Said, InsightOptions.None));
        var insights = TranscriptAnalyzer.Analyze(Said, Said, new InsightOptions(SentimentAnalysis: true))!;
        Assert.Null(insights.Entities);
        Assert.Null(insights.Highlights);
        Assert.Equal([Sentiment.Neutral, Sentiment.Positive], insights.Sentiments!.Select(s => s.Sentiment));
        Assert.Equal("The trip was wonderful.", insights.Sentiments![1].Text);
    }

    [Fact]
    public void StoredInsights_RoundTrip()
    {
        var insights = TranscriptAnalyzer.Analyze(Said, Said, new InsightOptions(true, true, true))!;
        var transcript = new Transcript { AudioUrl = "http://a", OptionsJson = "{}", InsightsJson = StoredInsights.Write(insights) };
        Assert.StartsWith("{\"v\":1,", transcript.InsightsJson);

        var read = StoredInsights.Read(transcript)!;
        Assert.Equal(insights.Entities, read.Entities);
        Assert.Equal(insights.Sentiments, read.Sentiments);
        Assert.Equal(insights.Highlights!.Select(h => (h.Text, h.Rank, h.Count)), read.Highlights!.Select(h => (h.Text, h.Rank, h.Count)));
        Assert.Null(StoredInsights.Read(new Transcript { AudioUrl = "http://a", OptionsJson = "{}" }));
    }
}
