using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Tests.Infrastructure;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Library;

/// <summary>
/// A real SQLite database in memory (kept alive by one open connection), built by the real migrations so that the
/// library's indexes, FTS5 table and triggers are there, with helpers to add teams and transcripts.
/// </summary>
public sealed class LibraryDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteDbContext> options;

    /// <param name="interceptors">What the app adds to its contexts, for tests of a feature that watches the database.</param>
    public LibraryDatabase(params IInterceptor[] interceptors)
    {
        connection.Open();
        options = DesignTime.Options<SqliteDbContext>(o => o.UseSqlite(connection).AddInterceptors(interceptors));
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public ApplicationDbContext CreateDbContext() => new SqliteDbContext(options);

    /// <summary>Runs SQL on the database's connection past EF Core and its interceptors: a change made behind the app's back.</summary>
    public int ExecuteBehindTheAppsBack(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public ApplicationUser AddUser(string email)
    {
        using var db = CreateDbContext();
        var user = TestUsers.Add(db, email);
        db.SaveChanges();
        return user;
    }

    /// <summary>A transcript whose words are <paramref name="text"/>, one every 500 ms from 0.</summary>
    public Transcript AddTranscript(
        Guid teamId,
        string? title,
        string? text,
        TranscriptStatus status = TranscriptStatus.Completed,
        DateTime? createdAt = null,
        double? durationSeconds = null,
        string[]? speakers = null,
        string? error = null)
    {
        var words = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((word, i) => new Word(word, i * 500, i * 500 + 400, 0.9, speakers is null ? null : speakers[i % speakers.Length]))
            .ToList();
        var transcript = new Transcript
        {
            Id = Guid.NewGuid(),
            TeamId = teamId,
            Status = status,
            Title = title,
            AudioUrl = "https://example.com/a.mp3",
            OptionsJson = StoredOptions.Write(new TranscriptOptions { AudioUrl = "https://example.com/a.mp3", Speakers = new SpeakerOptions(Label: speakers is not null) }),
            Text = text,
            WordsJson = words is null ? null : StoredWords.Write(words),
            // As the job stores it when it finishes.
            SpeakerCount = speakers is null || words is null ? null : words.Select(w => w.Speaker).Distinct().Count(),
            AudioDurationSeconds = durationSeconds ?? (words is null ? null : words.Count * 0.5),
            LanguageCode = status == TranscriptStatus.Completed ? "en_us" : null,
            Progress = status == TranscriptStatus.Completed ? 100 : 0,
            Error = error,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        using var db = CreateDbContext();
        db.Transcripts.Add(transcript);
        db.SaveChanges();
        return transcript;
    }

    public void Dispose() => connection.Dispose();
}
