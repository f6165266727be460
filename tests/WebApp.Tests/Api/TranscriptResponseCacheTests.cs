using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebApp.Api.V2;
using WebApp.Data.Entities;
using WebApp.Tests.Library;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Api;

public sealed class TranscriptResponseCacheTests
{
    private readonly TranscriptResponseCache cache = new();

    [Fact]
    public void Response_OfAnUnchangedCompletedTranscript_IsServedFromTheCache()
    {
        var first = cache.Response(Completed());
        var second = cache.Response(Completed());

        Assert.Same(Body(first), Body(second));
        Assert.Equal("application/json; charset=utf-8", second.ContentType);
        Assert.Equal("Hello world.", Read(second).GetProperty("text").GetString());
    }

    [Fact]
    public void Response_AfterAnyColumnChanged_IsBuiltAgain()
    {
        cache.Response(Completed());

        var edited = Completed();
        edited.Text = "Hello there.";
        edited.WordsJson = StoredWords.Write([new Word("Hello", 0, 400, 0.9), new Word("there.", 400, 800, 0.8)]);
        Assert.Equal("Hello there.", Read(cache.Response(edited)).GetProperty("text").GetString());
        Assert.Equal("there.", Read(cache.Response(edited)).GetProperty("words")[1].GetProperty("text").GetString());

        var webhookAnswered = Completed();
        webhookAnswered.WebhookStatusCode = 204;
        Assert.Equal(204, Read(cache.Response(webhookAnswered)).GetProperty("webhook_status_code").GetInt32());
    }

    [Fact]
    public void Response_OfAProcessingTranscript_IsNotKept()
    {
        var processing = Completed();
        processing.Status = TranscriptStatus.Processing;
        processing.Progress = 40;

        var first = cache.Response(processing);
        var second = cache.Response(processing);

        Assert.NotSame(Body(first), Body(second));
        Assert.Equal("processing", Read(second).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Kept_AnswersWithoutReading_OnlyForItsTeam_AndUntilAnyWriteToTheTranscripts()
    {
        var responses = new TranscriptResponseCache { AnswersWithoutReading = true };
        using var database = new LibraryDatabase(new TranscriptWritesInterceptor(responses));
        var team = database.AddUser("ann@example.com").PersonalTeamId;
        var id = database.AddTranscript(team, "Call", "hello world").Id;
        Assert.Null(responses.Kept(id, team));

        await ReadAsync(database, responses, id);
        Assert.Equal("hello world", Read(responses.Kept(id, team)!).GetProperty("text").GetString());
        Assert.Null(responses.Kept(id, Guid.NewGuid()));

        // A tracked save (the reader's edit, a deletion) and a bulk update (a webhook's status code) each void it.
        await using (var db = database.CreateDbContext())
        {
            var transcript = await db.Transcripts.SingleAsync(t => t.Id == id);
            transcript.Text = "hello there";
            await db.SaveChangesAsync();
        }

        Assert.Null(responses.Kept(id, team));
        Assert.Equal("hello there", Read(await ReadAsync(database, responses, id)).GetProperty("text").GetString());
        Assert.NotNull(responses.Kept(id, team));
        await using (var db = database.CreateDbContext())
        {
            await db.Transcripts.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.WebhookStatusCode, 500));
        }

        Assert.Null(responses.Kept(id, team));
        Assert.Equal(500, Read(await ReadAsync(database, responses, id)).GetProperty("webhook_status_code").GetInt32());

        // A row read before a write and answered after it is not kept.
        var before = responses.Generation;
        await using (var db = database.CreateDbContext())
        {
            var stale = await db.Transcripts.AsNoTracking().SingleAsync(t => t.Id == id);
            await db.Transcripts.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Renamed"));
            responses.Response(stale, before);
        }

        Assert.Null(responses.Kept(id, team));
    }

    [Fact]
    public void Kept_IsNeverUsed_WhereOtherProcessesWriteTranscripts()
    {
        var clustered = new TranscriptResponseCache();
        clustered.Response(Completed(), clustered.Generation);
        Assert.Null(clustered.Kept(Id, Guid.Empty));
    }

    private static async Task<FileContentHttpResult> ReadAsync(LibraryDatabase database, TranscriptResponseCache responses, Guid id)
    {
        var generation = responses.Generation;
        await using var db = database.CreateDbContext();
        return responses.Response(await db.Transcripts.AsNoTracking().SingleAsync(t => t.Id == id), generation);
    }

    private static readonly Guid Id = Guid.NewGuid();

    private static Transcript Completed() => new()
    {
        Id = Id,
        TeamId = Guid.Empty,
        Status = TranscriptStatus.Completed,
        AudioUrl = "https://example.com/a.mp3",
        OptionsJson = StoredOptions.Write(new TranscriptOptions { AudioUrl = "https://example.com/a.mp3" }),
        Text = "Hello world.",
        WordsJson = StoredWords.Write([new Word("Hello", 0, 400, 0.9), new Word("world.", 400, 800, 0.8)]),
        CreatedAt = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc),
    };

    private static byte[]? Body(FileContentHttpResult response) =>
        MemoryMarshal.TryGetArray(response.FileContents, out var body) ? body.Array : null;

    private static JsonElement Read(FileContentHttpResult response) => JsonDocument.Parse(response.FileContents).RootElement;
}
