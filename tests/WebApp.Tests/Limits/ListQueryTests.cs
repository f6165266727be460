using Microsoft.EntityFrameworkCore;
using WebApp.Api.V2;
using WebApp.Tests.Library;

namespace WebApp.Tests.Limits;

public sealed class ListQueryTests
{
    [Fact]
    public void ListRows_ReadsNeitherWordsNorTextNorOptions()
    {
        using var database = new LibraryDatabase();
        using var db = database.CreateDbContext();

        var sql = TranscriptApi.ListRows(db.Transcripts.OrderByDescending(t => t.CreatedAt).Take(10)).ToQueryString();

        Assert.Contains("\"AudioUrl\"", sql);
        Assert.DoesNotContain("WordsJson", sql);
        Assert.DoesNotContain("\"Text\"", sql);
        Assert.DoesNotContain("OptionsJson", sql);
        Assert.DoesNotContain("InsightsJson", sql);
    }
}
