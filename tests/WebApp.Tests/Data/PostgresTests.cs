using System.Net;
using Npgsql;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Data;

/// <summary>The same app on a real PostgreSQL server (started by ./test.sh): migrations, API, jobs, scoping.</summary>
public sealed class PostgresTests : IAsyncLifetime
{
    private readonly TestPostgresDatabase database = new();
    private VerbatimServer? server;

    public async Task InitializeAsync()
    {
        var connectionString = database.ConnectionString;
        server = new VerbatimServer(new Dictionary<string, string>
        {
            ["Verbatim__Database__Provider"] = "Postgres",
            ["Verbatim__Database__ConnectionString"] = connectionString,
        });
        await server.StartAsync();
    }

    [Fact]
    public async Task OnPostgres_UploadTranscribeListAndScopeByTeam()
    {
        using var ann = new V2Client(server!.CreateClient(await server.CreateApiKeyAsync("ann@example.com")));
        using var bob = new V2Client(server.CreateClient(await server.CreateApiKeyAsync("bob@example.com")));

        var transcript = await ann.TranscribeAsync(TestSpeech.Say(TestSpeech.Sentence));
        Assert.True(transcript.GetProperty("status").GetString() == "completed", $"{transcript}\n{server.Log}");
        Assert.NotEmpty(transcript.GetProperty("words").EnumerateArray());
        var id = transcript.GetProperty("id").GetString();

        var (_, list) = await ann.GetAsync("/v2/transcript");
        Assert.Equal(id, list.GetProperty("transcripts")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/v2/transcript/{id}")).Status);
        Assert.Equal(0, (await bob.GetAsync("/v2/transcript")).Body.GetProperty("page_details").GetProperty("result_count").GetInt32());

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Transcripts" """, connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
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
