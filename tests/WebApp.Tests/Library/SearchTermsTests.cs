using WebApp.Library;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Library;

public sealed class SearchTermsTests
{
    [Fact]
    public void Parse_SplitsIntoWordsTheWayTheIndexDoes_LowerCase()
    {
        Assert.Equal(["don", "t", "stop", "now", "42"], SearchTerms.Parse("Don't STOP—now! 42").Terms);
        Assert.True(SearchTerms.Parse(" ?! ").IsEmpty);
    }

    [Fact]
    public void ToFts5Query_QuotesEveryWord_SoNothingTypedIsAnOperator()
    {
        Assert.Equal("\"near\" AND \"a\" AND \"or\" AND \"title\"*", SearchTerms.Parse("NEAR(a OR \"title:").ToFts5Query());
    }

    [Fact]
    public void ToTsQuery_AllWordsRequired_LastOneAsPrefix()
    {
        Assert.Equal("'park' & 'after':*", SearchTerms.Parse("park after").ToTsQuery());
    }

    [Theory]
    [InlineData("park after", "afternoon", true)]
    [InlineData("park after", "parking", false)]
    [InlineData("park after", "PARK", true)]
    [InlineData("cafe", "Café", true)]
    [InlineData("café", "cafe", true)]
    [InlineData("a", "and", false)]
    public void Matches_EveryWordExact_ButTheLastMayBeTheStartOfOne(string query, string word, bool matches)
    {
        Assert.Equal(matches, SearchTerms.Parse(query).Matches(word));
    }

    [Fact]
    public void Highlight_MarksTheMatches_AndJumpsToTheFirstMatchingWord()
    {
        var words = Words("we will go to the park in the afternoon");

        var hit = SearchHighlighter.Highlight(SearchTerms.Parse("afternoon park"), "Park notes", words);

        Assert.Equal(2500, hit.JumpMs);
        Assert.Equal([("Park", true), (" notes", false)], hit.Title.Select(p => (p.Text, p.Match)));
        Assert.Equal("we will go to the park in the afternoon", string.Concat(hit.Snippet.Select(p => p.Text)));
        Assert.Equal(["park", "afternoon"], hit.Snippet.Where(p => p.Match).Select(p => p.Text));
    }

    [Fact]
    public void Highlight_LongTranscript_ShowsTheWordsAroundTheMatch_WithEllipses()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => i == 60 ? "football" : $"w{i}"));

        var hit = SearchHighlighter.Highlight(SearchTerms.Parse("football"), null, Words(text));

        Assert.Equal(60 * 500, hit.JumpMs);
        var snippet = string.Concat(hit.Snippet.Select(p => p.Text));
        Assert.StartsWith("… w52 ", snippet);
        Assert.EndsWith(" w84 …", snippet);
    }

    [Fact]
    public void Highlight_WhenOnlyTheTitleMatches_ShowsTheOpeningWords_WithoutAJump()
    {
        var hit = SearchHighlighter.Highlight(SearchTerms.Parse("budget"), "Budget meeting", Words("hello everyone and welcome"));

        Assert.Null(hit.JumpMs);
        Assert.Equal("hello everyone and welcome", string.Concat(hit.Snippet.Select(p => p.Text)));
        Assert.Contains(hit.Title, p => p is { Text: "Budget", Match: true });
    }

    private static string Words(string text) => StoredWords.Write(
        text.Split(' ').Select((word, i) => new Word(word, i * 500, i * 500 + 400, 0.9)).ToList());
}
