using WebApp.Transcription.Insights;

namespace WebApp.Tests.Transcription.Insights;

public sealed class SentimentAnalyzerTests
{
    [Theory]
    [InlineData("The service was great and the staff were friendly.", Sentiment.Positive)]
    [InlineData("This is a terrible, broken product.", Sentiment.Negative)]
    [InlineData("The meeting starts at three in room four.", Sentiment.Neutral)]
    [InlineData("The food was not good.", Sentiment.Negative)]
    [InlineData("I am never unhappy here.", Sentiment.Positive)]
    public void Score_LabelsTheSentence(string sentence, Sentiment expected) =>
        Assert.Equal(expected, SentimentAnalyzer.Score(sentence).Sentiment);

    [Fact]
    public void Booster_StrengthensAndDampenerWeakens()
    {
        var plain = SentimentAnalyzer.Score("The film was good.").Compound;
        Assert.True(SentimentAnalyzer.Score("The film was very good.").Compound > plain);
        Assert.True(SentimentAnalyzer.Score("The film was slightly good.").Compound < plain);
        Assert.True(SentimentAnalyzer.Score("The film was kind of good.").Compound < plain);
    }

    [Fact]
    public void But_WeighsTheClauseAfterIt()
    {
        Assert.Equal(Sentiment.Negative, SentimentAnalyzer.Score("The hotel was nice but the room was dirty and awful.").Sentiment);
        Assert.Equal(Sentiment.Positive, SentimentAnalyzer.Score("The start was bad but the ending was wonderful.").Sentiment);
    }

    [Fact]
    public void CapitalsAndExclamations_Emphasise()
    {
        var plain = SentimentAnalyzer.Score("the show was good").Compound;
        Assert.True(SentimentAnalyzer.Score("the show was GOOD").Compound > plain);
        Assert.True(SentimentAnalyzer.Score("the show was good!!").Compound > plain);
    }

    [Fact]
    public void Compound_StaysWithinOneAndConfidenceWithinHalfAndOne()
    {
        var score = SentimentAnalyzer.Score("Wonderful, amazing, fantastic, excellent, superb, brilliant, perfect!!!");
        Assert.InRange(score.Compound, 0.9, 1);
        Assert.InRange(score.Confidence, 0.95, 1);
        Assert.Equal(1, SentimentAnalyzer.Score("The table is brown.").Confidence);
    }
}
