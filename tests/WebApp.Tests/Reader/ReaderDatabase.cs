using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Tests.Infrastructure;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Reader;

/// <summary>
/// A real SQLite database in memory (kept alive by one open connection) with two users, each in a team of their
/// own, for the reader's and share links' services and components.
/// </summary>
public sealed class ReaderDatabase : IDisposable
{
    /// <summary>Two speakers taking turns, as the diarizer labels them.</summary>
    public static readonly Word[] Conversation =
    [
        new("hello", 0, 400, 0.95, "A"), new("there", 450, 800, 0.9, "A"),
        new("good", 1200, 1500, 0.4, "B"), new("morning", 1550, 2000, 0.92, "B"),
        new("how", 2600, 2800, 0.9, "A"), new("are", 2850, 3000, 0.9, "A"), new("you", 3050, 3400, 0.9, "A"),
    ];

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteDbContext> options;

    public ReaderDatabase()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        User = TestUsers.Add(db, "ann@example.com");
        OtherUser = TestUsers.Add(db, "bob@example.com");
        db.SaveChanges();
    }

    public ApplicationUser User { get; }

    public ApplicationUser OtherUser { get; }

    public ApplicationDbContext CreateDbContext() => new SqliteDbContext(options);

    public Transcript AddTranscript(
        IReadOnlyList<Word>? words = null, TranscriptStatus status = TranscriptStatus.Completed, Guid? teamId = null,
        string? title = "Weekly sync.wav", Guid? uploadId = null, string audioUrl = "http://localhost/v2/upload/x")
    {
        using var db = CreateDbContext();
        var transcript = new Transcript
        {
            Id = Guid.NewGuid(),
            TeamId = teamId ?? User.PersonalTeamId,
            UserId = User.Id,
            Status = status,
            Title = title,
            AudioUrl = audioUrl,
            UploadId = uploadId,
            OptionsJson = StoredOptions.Write(new TranscriptOptions()),
            CreatedAt = DateTime.UtcNow,
        };
        if (status == TranscriptStatus.Completed)
        {
            var list = words ?? Conversation;
            transcript.WordsJson = StoredWords.Write(list);
            transcript.Text = string.Join(' ', list.Select(w => w.Text));
            transcript.AudioDurationSeconds = list.Count == 0 ? 1 : list[^1].End / 1000.0;
            transcript.LanguageCode = "en_us";
            transcript.CompletedAt = DateTime.UtcNow;
        }

        db.Transcripts.Add(transcript);
        db.SaveChanges();
        return transcript;
    }

    public Transcript Reload(Guid transcriptId)
    {
        using var db = CreateDbContext();
        return db.Transcripts.AsNoTracking().Single(t => t.Id == transcriptId);
    }

    public void Update(Guid transcriptId, Action<Transcript> change)
    {
        using var db = CreateDbContext();
        var transcript = db.Transcripts.Single(t => t.Id == transcriptId);
        change(transcript);
        db.SaveChanges();
    }

    public void Dispose() => connection.Dispose();
}
