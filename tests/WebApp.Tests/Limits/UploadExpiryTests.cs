using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Limits;
using WebApp.Tests.Library;
using WebApp.Uploads;

namespace WebApp.Tests.Limits;

/// <summary>Uploads expire after the retention time unless a transcript still uses them (real SQLite, real files).</summary>
public sealed class UploadExpiryTests : IDisposable
{
    private readonly LibraryDatabase database = new();
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-expiry-").FullName;

    [Fact]
    public async Task RemoveExpired_DeletesOldUnusedUploads_KeepsUsedAndRecentOnes()
    {
        var teamId = database.AddUser("ann@example.com").PersonalTeamId;
        var store = new UploadStore(Options.Create(new VerbatimOptions { DataDirectory = dataDirectory }));
        var old = await AddUploadAsync(store, teamId, DateTime.UtcNow.AddHours(-30));
        var oldButUsed = await AddUploadAsync(store, teamId, DateTime.UtcNow.AddHours(-30));
        var recent = await AddUploadAsync(store, teamId, DateTime.UtcNow.AddHours(-1));
        var transcript = database.AddTranscript(teamId, "t", "hello");
        await using (var db = database.CreateDbContext())
        {
            db.Transcripts.Single(t => t.Id == transcript.Id).UploadId = oldButUsed;
            await db.SaveChangesAsync();
        }

        var services = new ServiceCollection().AddScoped<ApplicationDbContext>(_ => database.CreateDbContext()).BuildServiceProvider();
        var expiry = new UploadExpiry(services.GetRequiredService<IServiceScopeFactory>(), store,
            Options.Create(new LimitsOptions { UploadRetentionHours = 24 }), TimeProvider.System, NullLogger<UploadExpiry>.Instance);

        Assert.Equal(1, await expiry.RemoveExpiredAsync(CancellationToken.None));

        await using var check = database.CreateDbContext();
        Assert.Equal(new[] { oldButUsed, recent }.Order(), check.Uploads.Select(u => u.Id).AsEnumerable().Order());
        Assert.False(File.Exists(store.PathFor(teamId, old)));
        Assert.True(File.Exists(store.PathFor(teamId, oldButUsed)));
        Assert.True(File.Exists(store.PathFor(teamId, recent)));
    }

    private async Task<Guid> AddUploadAsync(UploadStore store, Guid teamId, DateTime createdAt)
    {
        var id = Guid.NewGuid();
        await store.SaveAsync(teamId, id, new MemoryStream([1, 2, 3]), 100, CancellationToken.None);
        await using var db = database.CreateDbContext();
        db.Uploads.Add(new StoredUpload { Id = id, TeamId = teamId, SizeBytes = 3, CreatedAt = createdAt });
        await db.SaveChangesAsync();
        return id;
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
