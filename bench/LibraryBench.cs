using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApp.Accounts;
using WebApp.Data.Entities;
using WebApp.Data.Providers;
using WebApp.Library;

namespace Verbatim.Bench;

/// <summary>
/// The browser's library at scale: 100,000 transcripts of one team, with realistic text and word lengths, in a
/// temporary SQLite database built by the real migrations (so the real indexes, FTS5 table and triggers). Prints
/// p50/p95 latency of <see cref="TranscriptLibrary.ListAsync"/> — count, page and highlighting — for lists and searches.
/// </summary>
internal sealed class LibraryBench : IBenchSection
{
    private const int TranscriptCount = 100_000;
    private const int WordsPerMinute = 140;
    private const int Warmup = 3;
    private const int Runs = 30;

    public string Name => "library";

    public string Description => "library list and full-text search over 100k transcripts (SQLite)";

    public async Task RunAsync(BenchContext context)
    {
        var path = context.Scratch.File("library.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        // Identity shapes its tables from IdentityOptions, as in the app; without them the model would differ from the migrations'.
        var identity = new ServiceCollection().Configure<IdentityOptions>(AccountsExtensions.ConfigureIdentity).BuildServiceProvider();
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connectionString).UseApplicationServiceProvider(identity).Options;
        await using (var db = new SqliteDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
        }

        var vocabulary = new Vocabulary(new Random(42));
        var teamId = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        var seeded = await SeedAsync(connectionString, teamId, vocabulary);
        BenchContext.Row("seeded", $"{TranscriptCount:N0} transcripts, {seeded.Words:N0} words in {clock.Elapsed.TotalSeconds:F0} s (triggers keep FTS5 in step)");
        BenchContext.Row("database", $"{new FileInfo(path).Length / 1024.0 / 1024 / 1024:F1} GB, text {seeded.TextBytes / 1024.0 / 1024:F0} MB");

        var month = DateOnly.FromDateTime(seeded.Newest).AddMonths(-1);
        var mid = vocabulary.WordAtRank(300);
        var rare = vocabulary.WordAtRank(20_000);
        (string Label, LibraryQuery Query)[] cases =
        [
            ("list: newest, page 1", new LibraryQuery(teamId)),
            ("list: page 2,000", new LibraryQuery(teamId) { Page = 2_000 }),
            ("list: by title", new LibraryQuery(teamId) { Sort = LibrarySort.Title, Descending = false }),
            ("list: by duration", new LibraryQuery(teamId) { Sort = LibrarySort.Duration }),
            ("list: status error", new LibraryQuery(teamId) { Status = TranscriptStatus.Error }),
            ("list: last month", new LibraryQuery(teamId) { From = month, To = month.AddMonths(1) }),
            ($"search: rare word \"{rare}\"", new LibraryQuery(teamId) { Search = rare }),
            ($"search: mid word \"{mid}\"", new LibraryQuery(teamId) { Search = mid }),
            ("search: common word \"the\"", new LibraryQuery(teamId) { Search = "the" }),
            ($"search: two words \"{mid} {rare}\"", new LibraryQuery(teamId) { Search = $"{mid} {rare}" }),
            ($"search: as typed \"{mid[..3]}\"", new LibraryQuery(teamId) { Search = mid[..3] }),
            ($"search: \"{mid}\" + status + title sort", new LibraryQuery(teamId) { Search = mid, Status = TranscriptStatus.Completed, Sort = LibrarySort.Title }),
            ("search: no match", new LibraryQuery(teamId) { Search = "zzqxjv" }),
        ];

        Console.WriteLine($" {"query",-46} {"matches",9} {"p50",9} {"p95",9}");
        foreach (var (label, query) in cases)
        {
            var (total, p50, p95) = await MeasureAsync(options, query);
            Console.WriteLine($"  {label,-45} {total,9:N0} {p50,7:F1}ms {p95,7:F1}ms");
        }
    }

    private static async Task<(int Total, double P50, double P95)> MeasureAsync(DbContextOptions<SqliteDbContext> options, LibraryQuery query)
    {
        var times = new List<double>();
        var total = 0;
        for (var run = 0; run < Warmup + Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            // A context per call, as the page makes a scope per load.
            await using var db = new SqliteDbContext(options);
            var page = await new TranscriptLibrary(db).ListAsync(query);
            if (run >= Warmup)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            total = page.TotalCount;
        }

        times.Sort();
        return (total, Percentile(times, 0.50), Percentile(times, 0.95));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private sealed record Seeded(long Words, long TextBytes, DateTime Newest);

    // Straight SQL in large transactions: EF's change tracker would take longer than the measurement.
    private static async Task<Seeded> SeedAsync(string connectionString, Guid teamId, Vocabulary vocabulary)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var team = connection.CreateCommand())
        {
            team.CommandText = """INSERT INTO "Teams" ("Id", "Name", "CreatedAt") VALUES ($id, 'Bench team', $now)""";
            team.Parameters.AddWithValue("$id", Upper(teamId));
            team.Parameters.AddWithValue("$now", DateTime.UtcNow);
            await team.ExecuteNonQueryAsync();
        }

        var random = new Random(7);
        var newest = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        long words = 0, textBytes = 0;
        const int batch = 2_000;
        for (var start = 0; start < TranscriptCount; start += batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "Transcripts" ("Id", "TeamId", "Status", "Title", "AudioUrl", "OptionsJson", "Text", "WordsJson",
                    "Confidence", "AudioDurationSeconds", "LanguageCode", "SpeechModelUsed", "Error", "Progress", "CreatedAt", "CompletedAt", "DeletedAt")
                VALUES ($id, $team, $status, $title, $url, '{}', $text, $words, 0.8, $duration, 'en_us', 'pocketsphinx-en-us', $error, $progress, $created, $completed, $deleted)
                """;
            string[] names = ["$id", "$team", "$status", "$title", "$url", "$text", "$words", "$duration", "$error", "$progress", "$created", "$completed", "$deleted"];
            var parameters = names.ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
            for (var i = start; i < Math.Min(start + batch, TranscriptCount); i++)
            {
                var created = newest.AddMinutes(-i * 10.5 - random.Next(10));
                var status = random.NextDouble() switch
                {
                    < 0.03 => TranscriptStatus.Error,
                    < 0.035 => TranscriptStatus.Processing,
                    < 0.04 => TranscriptStatus.Queued,
                    _ => TranscriptStatus.Completed,
                };
                // Log-normal lengths around five minutes, from a few seconds of voice note to two-hour meetings.
                var minutes = Math.Clamp(Math.Exp(Math.Log(5) + 0.8 * Normal(random)), 0.2, 120);
                var (text, wordsJson, count) = status == TranscriptStatus.Completed ? Speech(vocabulary, random, minutes) : (null, null, 0);
                words += count;
                textBytes += text?.Length ?? 0;
                parameters["$id"].Value = Upper(Guid.NewGuid());
                parameters["$team"].Value = Upper(teamId);
                parameters["$status"].Value = status.ToString();
                parameters["$title"].Value = $"{vocabulary.Sample(random)} {vocabulary.Sample(random)} {created:yyyy-MM-dd}.mp3";
                parameters["$url"].Value = "https://example.com/audio.mp3";
                parameters["$text"].Value = (object?)text ?? DBNull.Value;
                parameters["$words"].Value = (object?)wordsJson ?? DBNull.Value;
                parameters["$duration"].Value = status == TranscriptStatus.Completed ? minutes * 60 : DBNull.Value;
                parameters["$error"].Value = status == TranscriptStatus.Error ? "File does not appear to contain audio." : DBNull.Value;
                parameters["$progress"].Value = status == TranscriptStatus.Completed ? 100 : 0;
                parameters["$created"].Value = created;
                parameters["$completed"].Value = status is TranscriptStatus.Completed or TranscriptStatus.Error ? created.AddMinutes(minutes / 4) : DBNull.Value;
                parameters["$deleted"].Value = random.NextDouble() < 0.01 ? created.AddDays(1) : DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return new Seeded(words, textBytes, newest);
    }

    /// <summary>Text and AssemblyAI-shaped words for <paramref name="minutes"/> of speech, as the job stores them.</summary>
    private static (string Text, string WordsJson, int Count) Speech(Vocabulary vocabulary, Random random, double minutes)
    {
        var count = Math.Max(1, (int)(minutes * WordsPerMinute));
        var text = new StringBuilder(count * 6);
        var json = new StringBuilder(count * 95).Append('[');
        var ms = 300;
        for (var i = 0; i < count; i++)
        {
            var word = vocabulary.Sample(random);
            var end = ms + 120 + word.Length * 45;
            text.Append(i == 0 ? "" : " ").Append(word);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"text\":\"{word}\",\"start\":{ms},\"end\":{end},\"confidence\":0.{random.Next(10000, 99999)},\"speaker\":null,\"channel\":null}}");
            ms = end + random.Next(20, 250);
        }

        return (text.ToString(), json.Append(']').ToString(), count);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Upper(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>English words (pocketsphinx's dictionary) drawn with Zipf's law, as in real speech.</summary>
    private sealed class Vocabulary
    {
        private static readonly string[] Common =
            ["the", "and", "to", "of", "a", "i", "you", "it", "in", "that", "is", "we", "so", "this", "for", "on", "with", "be", "have", "was"];

        private readonly string[] words;
        private readonly double[] cumulative;

        public Vocabulary(Random random)
        {
            var dictionary = File.ReadLines("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict")
                .Select(line => line.Split(' ', 2)[0])
                .Where(word => word.Length > 1 && word.All(char.IsAsciiLetterLower))
                .Except(Common)
                .ToArray();
            random.Shuffle(dictionary);
            words = [.. Common, .. dictionary.Take(40_000)];
            cumulative = new double[words.Length];
            var sum = 0.0;
            for (var rank = 0; rank < words.Length; rank++)
            {
                cumulative[rank] = sum += 1.0 / (rank + 1);
            }
        }

        public string WordAtRank(int rank) => words[rank];

        public string Sample(Random random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return words[index < 0 ? ~index : index];
        }
    }
}
