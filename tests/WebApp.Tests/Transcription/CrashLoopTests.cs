using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WebApp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WebApp.Tests.Transcription;

/// <summary>
/// Kill -9 at random moments while jobs and their webhooks are in flight (issue 10): the real server on a SQLite file,
/// killed and restarted on the same data directory again and again. Afterwards every job completed, was transcribed
/// to the end exactly once, counted once in usage, and had its webhook delivered; nothing is left processing and no
/// file is left behind. Five kills of four jobs here; <c>bench/run.sh crash</c> runs it with twenty kills of ten jobs
/// (VERBATIM_CRASH_KILLS, VERBATIM_CRASH_JOBS).
/// </summary>
public sealed class CrashLoopTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledAtRandomMoments_EveryJobCompletesOnce_EveryWebhookArrives_NothingIsLeft()
    {
        var kills = Setting("VERBATIM_CRASH_KILLS", 5);
        var jobs = Setting("VERBATIM_CRASH_JOBS", 4);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var host = new AudioHost();
        var settings = new Dictionary<string, string> { ["Verbatim__Limits__Default__MaxConcurrentJobs"] = "100" };
        var servers = new List<VerbatimServer>();
        var server = new VerbatimServer(settings);
        servers.Add(server);
        await server.StartAsync();
        var key = await server.CreateApiKeyAsync("crash@example.com");
        var sentence = TestSpeech.Say("The river runs past the old mill and the children wave at the boats going by.");
        var ids = new List<string>();
        using (var client = new V2Client(server.CreateClient(key)))
        {
            for (var i = 0; i < jobs; i++)
            {
                var audio = TestSpeech.Concat(Enumerable.Repeat(sentence, 2 + i % 3).ToArray());
                var created = await client.CreateTranscriptAsync(new { audio_url = await client.UploadAsync(audio), webhook_url = host.WebhookUrl(200) });
                ids.Add(created.GetProperty("id").GetString()!);
            }
        }

        var killsWhileProcessing = 0;
        var started = DateTime.UtcNow;
        for (var kill = 0; kill < kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 3000)));
            server.Kill();
            if (await CountAsync(server.DataDirectory, "SELECT COUNT(*) FROM Transcripts WHERE Status = 'Processing'") > 0)
            {
                killsWhileProcessing++;
            }

            server = new VerbatimServer(settings, servers[0].DataDirectory);
            servers.Add(server);
            await server.StartAsync();
        }

        try
        {
            using var client = new V2Client(server.CreateClient(key));
            foreach (var id in ids)
            {
                var transcript = await client.WaitForTranscriptAsync(id, TimeSpan.FromMinutes(10));
                Assert.True(transcript.GetProperty("status").GetString() == "completed", $"{transcript}\n{server.Log}");
                Assert.True(transcript.GetProperty("words").GetArrayLength() > 5, $"{id} has too few words");
            }

            foreach (var id in ids)
            {
                await WaitForWebhookOutcomeAsync(client, id);
            }

            // Give a duplicate run or webhook, if there were one, the time to show itself.
            await Task.Delay(3000);
            var logs = string.Concat(servers.Select(s => s.Log));
            var deliveries = Deliveries(host);
            foreach (var id in ids)
            {
                Assert.True(Occurrences(logs, $"Transcribed {id}") == 1, $"{id} was transcribed to the end {Occurrences(logs, $"Transcribed {id}")} times");
                Assert.True(deliveries.GetValueOrDefault(id) >= 1, $"no webhook for {id}");
                Assert.Equal(1, await CountAsync(server.DataDirectory, "SELECT COUNT(*) FROM UsageRecords WHERE upper(TranscriptId) = upper($id)", id));
            }

            Assert.Equal(0, await CountAsync(server.DataDirectory, "SELECT COUNT(*) FROM Transcripts WHERE Status IN ('Queued', 'Processing') OR WebhookPending = 1"));
            Assert.Equal(jobs, await CountAsync(server.DataDirectory, "SELECT COUNT(*) FROM UsageRecords"));
            var leftOver = LeftOverFiles(server.DataDirectory, await CountAsync(server.DataDirectory, "SELECT COUNT(*) FROM Uploads"));
            Assert.True(leftOver.Count == 0, "left behind: " + string.Join(", ", leftOver));

            // The one thing a kill can repeat: a webhook delivered just before the kill, whose outcome was not yet saved.
            var repeated = deliveries.Values.Sum() - ids.Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kills} kills (seed {seed}), {killsWhileProcessing} with a job processing, {jobs} jobs over {(DateTime.UtcNow - started).TotalSeconds:F0} s: " +
                $"every job completed and transcribed to the end once, one usage record each, every webhook delivered ({repeated} delivered twice), nothing left behind"));
        }
        finally
        {
            foreach (var earlier in servers.Take(servers.Count - 1))
            {
                earlier.Kill();
            }

            await server.DisposeAsync();
        }
    }

    private static int Setting(string name, int otherwise) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : otherwise;

    /// <summary>Files that belong to nothing: anything in work/, an upload without its row, anything unexpected.</summary>
    private static List<string> LeftOverFiles(string dataDirectory, long uploadRows)
    {
        string[] expected = ["verbatim.db", "verbatim.db-wal", "verbatim.db-shm", "jobs.db", "jobs.db-wal", "jobs.db-shm", "jobs.db-journal", "keys", "uploads", "work", "redacted-audio"];
        var leftOver = Directory.EnumerateFileSystemEntries(dataDirectory).Select(Path.GetFileName).Where(name => !expected.Contains(name)).Select(name => name!).ToList();
        var work = Path.Combine(dataDirectory, "work");
        if (Directory.Exists(work))
        {
            leftOver.AddRange(Directory.EnumerateFileSystemEntries(work, "*", SearchOption.AllDirectories));
        }

        var uploads = Path.Combine(dataDirectory, "uploads");
        var uploadFiles = Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*", SearchOption.AllDirectories) : [];
        if (uploadFiles.Length != uploadRows)
        {
            leftOver.Add($"{uploadFiles.Length} upload files for {uploadRows} upload rows");
        }

        return leftOver;
    }

    private static Dictionary<string, int> Deliveries(AudioHost host)
    {
        lock (host.Webhooks)
        {
            return host.Webhooks
                .Select(w => JsonDocument.Parse(w.Body).RootElement.GetProperty("transcript_id").GetString()!)
                .GroupBy(id => id)
                .ToDictionary(g => g.Key, g => g.Count());
        }
    }

    private static async Task<long> CountAsync(string dataDirectory, string sql, string? id = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "verbatim.db")};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForWebhookOutcomeAsync(V2Client client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await client.GetAsync($"/v2/transcript/{id}")).Body.GetProperty("webhook_status_code").ValueKind == JsonValueKind.Null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no webhook outcome recorded for {id}");
            await Task.Delay(200);
        }
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;
}
