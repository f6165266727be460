using Microsoft.EntityFrameworkCore;
using WebApp.Data.Entities;
using WebApp.Library;

namespace WebApp.Tests.Library;

/// <summary>The library's queries on a real, migrated SQLite database: search, filters, sorting, paging, scoping.</summary>
public sealed class TranscriptLibraryTests : IDisposable
{
    private readonly LibraryDatabase database = new();
    private readonly ApplicationUser ann;
    private readonly ApplicationUser bob;

    public TranscriptLibraryTests()
    {
        ann = database.AddUser("ann@example.com");
        bob = database.AddUser("bob@example.com");
    }

    [Fact]
    public async Task Search_FindsWordsInTextOrTitle_OnlyInTheTeam()
    {
        var park = database.AddTranscript(ann.PersonalTeamId, "Saturday.mp3", "we will go to the park in the afternoon");
        var budget = database.AddTranscript(ann.PersonalTeamId, "Park committee.wav", "the budget for next year");
        database.AddTranscript(ann.PersonalTeamId, "Other.wav", "nothing to see");
        database.AddTranscript(bob.PersonalTeamId, "Bob's park.wav", "the park again");

        var page = await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "park" });

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([budget.Id, park.Id], page.Rows.Select(r => r.Id));
        Assert.Equal(2500, page.Rows.Single(r => r.Id == park.Id).Hit!.JumpMs);
        Assert.Null(page.Rows.Single(r => r.Id == budget.Id).Hit!.JumpMs);
    }

    [Fact]
    public async Task Search_AllWordsMustOccur_TheLastAsTyped()
    {
        var both = database.AddTranscript(ann.PersonalTeamId, "a", "football in the afternoon");
        database.AddTranscript(ann.PersonalTeamId, "b", "football in the morning");

        var page = await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "Football AFTER" });

        Assert.Equal([both.Id], page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task SearchIndex_FollowsChangesAndDeletions()
    {
        var transcript = database.AddTranscript(ann.PersonalTeamId, "Draft", null, TranscriptStatus.Processing);
        await using (var db = database.CreateDbContext())
        {
            // As the job does when it finishes.
            await db.Transcripts.Where(t => t.Id == transcript.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Text, "quarterly numbers look fine"));
        }

        Assert.Equal(1, (await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "quarterly" })).TotalCount);

        await using (var db = database.CreateDbContext())
        {
            await db.Transcripts.Where(t => t.Id == transcript.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Renamed").SetProperty(t => t.Text, "Deleted by user."));
        }

        Assert.Equal(0, (await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "quarterly" })).TotalCount);
        Assert.Equal(0, (await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "draft" })).TotalCount);
        Assert.Equal(1, (await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "renamed" })).TotalCount);

        await using (var db = database.CreateDbContext())
        {
            await db.Transcripts.Where(t => t.Id == transcript.Id).ExecuteDeleteAsync();
        }

        Assert.Equal(0, (await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Search = "renamed" })).TotalCount);
    }

    [Fact]
    public async Task Migrations_InstallTheSearchTriggers()
    {
        await using var db = database.CreateDbContext();
        var triggers = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Transcripts'").ToListAsync();

        // A migration that makes EF rebuild the Transcripts table drops these: it must create them again and rebuild
        // the index (see the LibrarySearch migration).
        Assert.Equal(["Transcripts_SearchDelete", "Transcripts_SearchInsert", "Transcripts_SearchUpdate"], triggers.Order());
    }

    [Fact]
    public async Task Filters_StatusAndDateRange_AndDeletedAreNeverListed()
    {
        var day = new DateTime(2026, 3, 11, 12, 0, 0, DateTimeKind.Utc);
        var failed = database.AddTranscript(ann.PersonalTeamId, "a", null, TranscriptStatus.Error, day, error: "No audio.");
        var completed = database.AddTranscript(ann.PersonalTeamId, "b", "hello", TranscriptStatus.Completed, day.AddDays(1));
        database.AddTranscript(ann.PersonalTeamId, "c", "hello", TranscriptStatus.Completed, day.AddDays(5));
        var deleted = database.AddTranscript(ann.PersonalTeamId, "d", "hello", TranscriptStatus.Completed, day);
        await using (var db = database.CreateDbContext())
        {
            await db.Transcripts.Where(t => t.Id == deleted.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletedAt, day));
        }

        Assert.Equal([failed.Id], (await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Status = TranscriptStatus.Error })).Rows.Select(r => r.Id));
        var range = await ListAsync(new LibraryQuery(ann.PersonalTeamId) { From = DateOnly.FromDateTime(day), To = DateOnly.FromDateTime(day.AddDays(1)) });
        Assert.Equal([completed.Id, failed.Id], range.Rows.Select(r => r.Id));
        Assert.Equal(3, (await ListAsync(new LibraryQuery(ann.PersonalTeamId))).TotalCount);
    }

    [Fact]
    public async Task SortAndPages_CoverEveryTranscriptOnce()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = Enumerable.Range(0, 30)
            .Select(i => database.AddTranscript(ann.PersonalTeamId, $"Title {(i * 7) % 30:D2}", "words", createdAt: start.AddMinutes(i), durationSeconds: (i * 11) % 30))
            .ToList();

        foreach (var (sort, descending, expected) in new[]
        {
            (LibrarySort.Created, true, all.OrderByDescending(t => t.CreatedAt).ToList()),
            (LibrarySort.Title, false, all.OrderBy(t => t.Title, StringComparer.Ordinal).ToList()),
            (LibrarySort.Duration, true, all.OrderByDescending(t => t.AudioDurationSeconds).ToList()),
        })
        {
            var pages = new List<LibraryRow>();
            for (var page = 0; page < 3; page++)
            {
                var result = await ListAsync(new LibraryQuery(ann.PersonalTeamId) { Sort = sort, Descending = descending, Page = page, PageSize = 12 });
                Assert.Equal(30, result.TotalCount);
                pages.AddRange(result.Rows);
            }

            Assert.Equal(expected.Select(t => t.Id), pages.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task Speakers_StoredByTheJob_AreShownWithoutReadingTheWords()
    {
        // Multichannel: speakers without speaker_labels, counted by the job when it finished.
        var call = database.AddTranscript(ann.PersonalTeamId, "Support call", "hello thanks for calling hi there");
        await using (var db = database.CreateDbContext())
        {
            await db.Transcripts.Where(t => t.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.SpeakerCount, 2));
        }

        var rows = (await ListAsync(new LibraryQuery(ann.PersonalTeamId))).Rows;

        Assert.Equal(2, rows.Single(r => r.Id == call.Id).Speakers);
    }

    public void Dispose() => database.Dispose();

    private async Task<LibraryPage> ListAsync(LibraryQuery query)
    {
        await using var db = database.CreateDbContext();
        return await new TranscriptLibrary(db).ListAsync(query);
    }
}
