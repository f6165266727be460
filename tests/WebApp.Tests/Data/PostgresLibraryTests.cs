using Microsoft.EntityFrameworkCore;
using Npgsql;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Library;
using WebApp.Transcription.Model;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Data;

/// <summary>The library's full-text search on PostgreSQL (tsvector column and GIN index from the LibrarySearch migration).</summary>
public sealed class PostgresLibraryTests : IAsyncLifetime
{
    private readonly TestPostgresDatabase database = new();
    private DbContextOptions<PostgresDbContext> options = default!;

    public async Task InitializeAsync()
    {
        var connectionString = database.ConnectionString;
        options = DesignTime.Options<PostgresDbContext>(o => o.UseNpgsql(connectionString));
        await using var db = new PostgresDbContext(options);
        await db.Database.MigrateAsync();
    }

    [Fact]
    public async Task OnPostgres_SearchFindsTitleAndText_WithTheSameRulesAsSqlite()
    {
        var teamId = Guid.NewGuid();
        var otherTeamId = Guid.NewGuid();
        await using (var db = new PostgresDbContext(options))
        {
            db.Teams.AddRange(new Team { Id = teamId, Name = "a", CreatedAt = DateTime.UtcNow }, new Team { Id = otherTeamId, Name = "b", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var park = await AddAsync(teamId, "Saturday.mp3", "we will go to the Park in the afternoon");
        var titled = await AddAsync(teamId, "Parking garage.wav", "the budget for next year");
        await AddAsync(teamId, "Other.wav", "nothing to see");
        await AddAsync(otherTeamId, "Park.wav", "the park again");

        await using var query = new PostgresDbContext(options);
        var library = new TranscriptLibrary(query);
        var prefix = await library.ListAsync(new LibraryQuery(teamId) { Search = "par" });
        var exact = await library.ListAsync(new LibraryQuery(teamId) { Search = "park after" });

        Assert.Equal([titled.Id, park.Id], prefix.Rows.Select(r => r.Id));
        Assert.Equal([park.Id], exact.Rows.Select(r => r.Id));
        Assert.Equal(2500, exact.Rows[0].Hit!.JumpMs);
        Assert.Equal(["Park", "afternoon"], exact.Rows[0].Hit!.Snippet.Where(p => p.Match).Select(p => p.Text));
    }

    private async Task<Transcript> AddAsync(Guid teamId, string title, string text)
    {
        var transcript = new Transcript
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            Status = TranscriptStatus.Completed,
            Title = title,
            AudioUrl = "https://example.com/a.mp3",
            OptionsJson = StoredOptions.Write(new TranscriptOptions()),
            Text = text,
            WordsJson = StoredWords.Write(text.Split(' ').Select((w, i) => new Word(w, i * 500, i * 500 + 400, 0.9)).ToList()),
            CreatedAt = DateTime.UtcNow,
        };
        await using var db = new PostgresDbContext(options);
        db.Transcripts.Add(transcript);
        await db.SaveChangesAsync();
        return transcript;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
    }
}
