using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Limits;

/// <summary>
/// A team's storage quota holds when its uploads arrive at once, on the real server with SQLite and with PostgreSQL:
/// each upload is counted against the quota as it is recorded, under the team's lock, so uploads that would each
/// have fitted alone cannot together pass it. The ones refused answer 507 and leave no file behind.
/// </summary>
public sealed class StorageQuotaRaceTests : IAsyncLifetime
{
    private const int Quota = 1_000_000;
    private const int FileBytes = 400_000;

    private readonly TestPostgresDatabase database = new();
    private VerbatimServer? server;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public Task OnSqlite_UploadsArrivingTogether_StayWithinTheQuota() => UploadsArrivingTogetherAsync([]);

    [Fact]
    public Task OnPostgres_UploadsArrivingTogether_StayWithinTheQuota() => UploadsArrivingTogetherAsync(new Dictionary<string, string>
    {
        ["Verbatim__Database__Provider"] = "Postgres",
        ["Verbatim__Database__ConnectionString"] = database.ConnectionString,
    });

    private async Task UploadsArrivingTogetherAsync(Dictionary<string, string> settings)
    {
        settings["Verbatim__Limits__Default__StorageQuotaBytes"] = Quota.ToString();
        server = new VerbatimServer(settings);
        await server.StartAsync();
        using var ann = server.CreateClient(await server.CreateApiKeyAsync("ann@example.com"));

        // Six files of 400 KB for a 1 MB quota: each fits when it starts, two fit in all.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => UploadAsync(ann, FileBytes)));

        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.Equal((HttpStatusCode)507, a.Status);
            Assert.StartsWith("Storage quota exceeded", JsonDocument.Parse(a.Body).RootElement.GetProperty("error").GetString());
        });
        var stored = Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "uploads"), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, stored.Count);
        Assert.Equal(2L * FileBytes, stored.Sum(f => new FileInfo(f).Length));

        // What is left of the quota is still there to use.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(ann, Quota - 2 * FileBytes)).Status);
        Assert.Equal((HttpStatusCode)507, (await UploadAsync(ann, 1)).Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, int bytes)
    {
        using var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PostAsync("/v2/upload", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}
