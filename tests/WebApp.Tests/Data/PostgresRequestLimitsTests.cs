using System.Net;
using System.Text;
using Npgsql;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Data;

/// <summary>
/// Strings that PostgreSQL would refuse (NUL, longer than the column) answer 400 before they reach it, or are made to
/// fit (titles): never a 500 from the database.
/// </summary>
public sealed class PostgresRequestLimitsTests : IAsyncLifetime
{
    private readonly TestPostgresDatabase database = new();
    private VerbatimServer? server;

    public async Task InitializeAsync()
    {
        server = new VerbatimServer(new Dictionary<string, string>
        {
            ["Verbatim__Database__Provider"] = "Postgres",
            ["Verbatim__Database__ConnectionString"] = database.ConnectionString,
        });
        await server.StartAsync();
    }

    [Fact]
    public async Task OnPostgres_OverLongAndNulStrings_Answer400_AndLongTitlesFit()
    {
        using var ann = new V2Client(server!.CreateClient(await server.CreateApiKeyAsync("ann@example.com")));
        const string audio = "http://127.0.0.1:9/a.mp3";
        var refused = new (string Case, object Body)[]
        {
            ("NUL in audio_url", new { audio_url = "http://127.0.0.1:9/a\u0000.mp3" }),
            ("audio_url over the column", new { audio_url = "http://127.0.0.1:9/" + new string('a', 4100) }),
            ("NUL in a key term", new { audio_url = audio, keyterms_prompt = new[] { "a\u0000b" } }),
            ("NUL in a spelling", new { audio_url = audio, custom_spelling = new[] { new { from = new[] { "a" }, to = "b\u0000" } } }),
            ("NUL in language_code", new { audio_url = audio, language_code = "en\u0000" }),
            ("long language_code", new { audio_url = audio, language_code = new string('e', 5000) }),
            ("NUL in a webhook header", new { audio_url = audio, webhook_url = "http://127.0.0.1:9/h", webhook_auth_header_name = "X-A", webhook_auth_header_value = "a\u0000" }),
            ("NUL in webhook_url", new { audio_url = audio, webhook_url = "http://127.0.0.1:9/h\u0000" }),
        };
        foreach (var (name, body) in refused)
        {
            var (status, answer) = await ann.PostTranscriptAsync(body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {(int)status} {answer}\n{server.Log}");
            Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
        }

        // The title comes from the URL's last segment: 600 characters with an escaped NUL, made to fit the column.
        var created = await ann.CreateTranscriptAsync(new { audio_url = $"http://127.0.0.1:9/{new string('t', 600)}%00.mp3" });
        var id = created.GetProperty("id").GetString()!;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT length("Title") FROM "Transcripts" WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(id));
        Assert.Equal(400, await command.ExecuteScalarAsync());
        using var search = await ann.Http.GetAsync($"/v2/transcript/{id}/word-search?words={Uri.EscapeDataString("\u0000" + new string('x', 50))}");
        Assert.True((int)search.StatusCode < 500, Encoding.UTF8.GetString(await search.Content.ReadAsByteArrayAsync()));
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
