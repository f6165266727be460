using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Transcription.Model;

namespace WebApp.Api.V2;

/// <summary>
/// Rewrites transcripts stored before the pipeline had a format of its own: their options were AssemblyAI's request
/// JSON and their words AssemblyAI's word objects. Runs once at start-up, in batches, before anything reads them;
/// a row already in the current format is never touched, so running it again does nothing.
/// </summary>
public static class StoredWireFormatUpgrade
{
    private const int BatchSize = 200;

    public static async Task UpgradeStoredTranscriptsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var upgraded = await UpgradeAsync(db, cancellationToken);
        if (upgraded > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoredWireFormatUpgrade)).LogInformation(
                "Rewrote {Count} transcripts stored in AssemblyAI's wire format into format version {Version}", upgraded, StoredOptions.Version);
        }
    }

    /// <returns>How many transcripts were rewritten.</returns>
    public static async Task<int> UpgradeAsync(ApplicationDbContext db, CancellationToken cancellationToken = default)
    {
        var upgraded = 0;
        while (true)
        {
            var batch = await db.Transcripts
                .Where(t => !t.OptionsJson.StartsWith(StoredOptions.VersionedPrefix))
                .OrderBy(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            batch.ForEach(Upgrade);
            await db.SaveChangesAsync(cancellationToken);
            upgraded += batch.Count;
        }

        return upgraded;
    }

    internal static void Upgrade(Transcript transcript)
    {
        var request = JsonSerializer.Deserialize<TranscriptParams>(transcript.OptionsJson, TranscriptParams.JsonOptions) ?? new TranscriptParams();
        // It was accepted when stored, so it translates; should a rule have tightened since, keep what can be kept.
        var options = TranscriptRequestReader.Translate(request).Options
            ?? TranscriptRequestReader.Translate(new TranscriptParams { SpeechModels = request.SpeechModels }).Options!;
        transcript.OptionsJson = StoredOptions.Write(options);

        if (transcript.WordsJson is { } json && json.TrimStart().StartsWith('['))
        {
            var words = (JsonSerializer.Deserialize<List<TranscriptWord>>(json, V2Json.Options) ?? [])
                .Select(w => new Word(w.Text, w.Start, w.End, w.Confidence, w.Speaker, w.Channel))
                .ToList();
            transcript.WordsJson = StoredWords.Write(words);
            var speakers = words.Select(w => w.Speaker).OfType<string>().Distinct().Count();
            transcript.SpeakerCount ??= speakers == 0 ? null : speakers;
        }
    }
}
