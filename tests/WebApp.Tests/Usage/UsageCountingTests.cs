using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Usage;

/// <summary>
/// Usage against the real app: jobs are counted when they end, per member and key, from what was stored; a job run
/// again after a restart is not counted twice; deleting a transcript keeps its usage; only team admins get the CSV.
/// </summary>
public sealed class UsageCountingTests
{
    [Fact]
    public async Task EndedJobs_AreCountedOnce_ThroughRerunAndRestart_AndDeletionKeepsThem()
    {
        var first = new VerbatimServer();
        await first.StartAsync();
        using var browser = await BrowserSession.RegisterAsync(first.BaseAddress, "uma@example.com");
        var (exitCode, output) = await first.RunCommandAsync("create-api-key --email uma@example.com --name Podcast-pipeline");
        Assert.True(exitCode == 0, output);
        var key = output.TrimEnd().Split('\n')[^1].Trim();

        string completedId, failedId;
        double audioSeconds;
        using (var client = new V2Client(first.CreateClient(key)))
        {
            var completed = await client.TranscribeAsync(TestSpeech.Say("the usage report counts this sentence once"));
            Assert.Equal("completed", completed.GetProperty("status").GetString());
            completedId = completed.GetProperty("id").GetString()!;
            audioSeconds = completed.GetProperty("audio_duration").GetDouble();
            var failed = await client.TranscribeAsync(TestSpeech.WriteFile(".mp3", "not audio at all"u8.ToArray()));
            Assert.Equal("error", failed.GetProperty("status").GetString());
            failedId = failed.GetProperty("id").GetString()!;
        }

        var rows = await UsageRowsAsync(first.DataDirectory);
        Assert.Equal(2, rows.Count);
        var completedRow = rows.Single(r => r.TranscriptId == completedId);
        Assert.False(completedRow.Failed);
        Assert.InRange(completedRow.AudioSeconds, audioSeconds - 0.5, audioSeconds + 0.5);
        Assert.True(completedRow.AudioSeconds > 1);
        Assert.NotNull(completedRow.ApiKeyId);
        var failedRow = rows.Single(r => r.TranscriptId == failedId);
        Assert.True(failedRow.Failed);
        Assert.Equal(0, failedRow.AudioSeconds);

        var csv = await CsvAsync(browser);
        var line = Assert.Single(csv.Skip(1));
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ",uma@example.com,", line);
        Assert.Contains("Podcast-pipeline (", line);
        var fields = line.Split(',');
        Assert.Equal(["2", "1"], fields[5..7]);
        Assert.Equal(completedRow.AudioSeconds, double.Parse(fields[7], CultureInfo.InvariantCulture), precision: 3);

        // A crash after the job's transcript ended but before the job store knew: the same job runs again.
        first.Kill();
        await ExecuteAsync(first.DataDirectory, "UPDATE Transcripts SET Status = 'Processing', Progress = 0 WHERE upper(Id) = upper($id)", completedId);
        await using var second = new VerbatimServer(dataDirectory: first.DataDirectory);
        await second.StartAsync();
        using (var client = new V2Client(second.CreateClient(key)))
        {
            Assert.Equal("completed", (await client.WaitForTranscriptAsync(completedId)).GetProperty("status").GetString());
            Assert.Contains($"Transcribed {completedId}", second.Log);

            var (status, _) = await DeleteAsync(client, completedId);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var after = await UsageRowsAsync(first.DataDirectory);
        Assert.Equal(rows.OrderBy(r => r.TranscriptId), after.OrderBy(r => r.TranscriptId));
        // The same browser, its cookie read with the data directory's keys by the restarted server.
        Assert.Equal(csv, await CsvAsync(browser, second.BaseAddress));
    }

    [Fact]
    public async Task Csv_IsRefusedToMembers_AndToSignedOutCallers()
    {
        await using var server = new VerbatimServer();
        await server.StartAsync();
        using var browser = await BrowserSession.RegisterAsync(server.BaseAddress, "milo@example.com");
        using (var allowed = await browser.Http.GetAsync("/app/usage.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal("text/csv", allowed.Content.Headers.ContentType?.MediaType);
        }

        await ExecuteAsync(server.DataDirectory,
            "UPDATE TeamMembers SET Role = 'Member' WHERE UserId = (SELECT Id FROM AspNetUsers WHERE Email = $id)", "milo@example.com");
        using (var refused = await browser.Http.GetAsync("/app/usage.csv"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("day,member", await refused.Content.ReadAsStringAsync());
        }

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var signedOut = await anonymous.GetAsync("/app/usage.csv");
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        using var badRange = await browser.Http.GetAsync("/app/usage.csv?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
    }

    private sealed record UsageRow(string TranscriptId, string? ApiKeyId, double AudioSeconds, bool Failed);

    private static async Task<List<string>> CsvAsync(BrowserSession browser, Uri? server = null)
    {
        using var response = await browser.Http.GetAsync(new Uri(server ?? browser.BaseAddress, "/app/usage.csv"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal("day,member,user_id,api_key,api_key_id,jobs,failures,audio_seconds,audio_hours", lines[0]);
        return lines;
    }

    private static async Task<(HttpStatusCode, string)> DeleteAsync(V2Client client, string id)
    {
        using var response = await client.Http.DeleteAsync($"/v2/transcript/{id}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<UsageRow>> UsageRowsAsync(string dataDirectory)
    {
        await using var connection = await OpenAsync(dataDirectory);
        var query = connection.CreateCommand();
        query.CommandText = "SELECT lower(TranscriptId), ApiKeyId, AudioSeconds, Failed FROM UsageRecords";
        var rows = new List<UsageRow>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new UsageRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetDouble(2), reader.GetBoolean(3)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string dataDirectory, string sql, string id)
    {
        await using var connection = await OpenAsync(dataDirectory);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<SqliteConnection> OpenAsync(string dataDirectory)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "verbatim.db")};Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
