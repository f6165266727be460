using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Limits;
using WebApp.Regions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.Remote;
using WebApp.Transcription.Events;
using WebApp.Transcription.Language;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;
using WebApp.Uploads;
using WebApp.Usage;

namespace WebApp.Transcription;

/// <summary>
/// Takes one transcript from queued to completed or error: fetches its audio, runs the speech engine (or sends it
/// to the transcript's remote region), stores the words. Safe to run again after a crash: a transcript that already finished is left alone.
/// </summary>
public sealed class TranscriptProcessor(
    ApplicationDbContext db,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    SpeechModelRouter router,
    SpeechUnderstanding understanding,
    SpeechThresholdCheck speechThreshold,
    AudioRedactor audioRedactor,
    LanguageDetector languageDetector,
    AudioFetcher fetcher,
    UploadStore uploads,
    TranscriptionQueue queue,
    RegionCatalog regions,
    RemoteRegionRunner remote,
    TeamJobAdmission admission,
    ITranscriptEvents events,
    IOptions<VerbatimOptions> options,
    IOptions<LimitsOptions> limits,
    TimeProvider clock,
    ILogger<TranscriptProcessor> logger)
{
    public async Task ProcessAsync(Guid transcriptId, CancellationToken cancellationToken)
    {
        var transcript = await db.Transcripts.SingleOrDefaultAsync(t => t.Id == transcriptId, cancellationToken);
        if (transcript is null || transcript.DeletedAt is not null || transcript.Status is TranscriptStatus.Completed or TranscriptStatus.Error)
        {
            return;
        }

        logger.LogInformation("Transcribing {TranscriptId}", transcriptId);
        transcript.Status = TranscriptStatus.Processing;
        transcript.Progress = 0;
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(TranscriptChange.Of(transcript));

        var workDirectory = Path.Combine(options.Value.DataDirectoryFullPath, "work", transcriptId.ToString());
        Directory.CreateDirectory(workDirectory);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeLimit = TimeSpan.Zero;
        try
        {
            var options = StoredOptions.Read(transcript);
            if (transcript.Region != RegionsOptions.Local)
            {
                await RunInRegionAsync(transcript, options, cancellationToken);
            }
            else
            {
                var audioPath = await LocateAudioAsync(transcript, workDirectory, cancellationToken);
                await EnsureChannelsWithinLimitAsync(audioPath, options, cancellationToken);
                // A wall-clock bound from the audio's length, so that no file keeps a job slot for ever.
                timeLimit = await TimeLimitAsync(audioPath, cancellationToken);
                deadline.CancelAfter(timeLimit);
                await RunLocallyAsync(transcript, options, audioPath, deadline.Token);
            }
        }
        catch (Exception ex) when (ex is AudioDecodingException or AudioFetchException or EngineUnavailableException or UnderstandingRefusedException or RegionFailedException)
        {
            Fail(transcript, ex.Message);
            logger.LogInformation("Transcript {TranscriptId} failed: {Reason}", transcriptId, ex is AudioFetchException fetch ? "download failed: " + fetch.Reason : ex.Message);
        }
        catch (LanguageRejectedException ex)
        {
            (transcript.LanguageCode, transcript.LanguageConfidence) = (ex.Language.Code, ex.Language.Confidence);
            Fail(transcript, ex.Message);
            logger.LogInformation("Transcript {TranscriptId} failed language detection: {Reason}", transcriptId, ex.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Fail(transcript, $"Transcription took longer than its time limit of {timeLimit.TotalMinutes:0} minutes and was stopped.");
            logger.LogWarning("Transcript {TranscriptId} was stopped after its time limit of {Limit}", transcriptId, timeLimit);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Fail(transcript, "Transcription failed because of an internal error. Please try again; if it keeps failing, tell the server's administrator.");
            logger.LogError(ex, "Transcript {TranscriptId} failed", transcriptId);
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        // Not the job's token: a result in hand is saved even while the server shuts down. The owed webhook and the
        // job's usage are saved with it, so a crash before the webhook is queued below still leaves it to be sent
        // (TranscriptionRecovery), and usage counts the job exactly when its transcript ends.
        transcript.WebhookPending = StoredOptions.Read(transcript).Webhook is not null;
        await UsageCounter.CountAsync(db, transcript, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        events.Publish(TranscriptChange.Of(transcript));
        if (transcript.WebhookPending)
        {
            await queue.EnqueueWebhookAsync(transcriptId, CancellationToken.None);
        }

        await admission.ReleaseAsync(transcript.TeamId, CancellationToken.None);
    }

    private async Task EnsureChannelsWithinLimitAsync(string audioPath, TranscriptOptions options, CancellationToken cancellationToken)
    {
        var maxChannels = limits.Value.MaxChannels;
        if (options.Multichannel && await AudioDecoder.CountChannelsAsync(audioPath, cancellationToken) is { } channels && channels > maxChannels)
        {
            throw new AudioDecodingException($"multichannel transcribes at most {maxChannels} channels; this file has {channels}.");
        }
    }

    /// <summary>
    /// The job's time limit: a base plus a multiple of the audio's length as the container states it, or of the
    /// longest audio accepted when it states none. A header that understates the length only makes the limit shorter.
    /// </summary>
    private async Task<TimeSpan> TimeLimitAsync(string audioPath, CancellationToken cancellationToken)
    {
        var settings = limits.Value;
        var maxSeconds = settings.MaxAudioHours * 3600;
        var seconds = Math.Min(await AudioDecoder.ProbeDurationSecondsAsync(audioPath, cancellationToken) ?? maxSeconds, maxSeconds);
        return TimeSpan.FromMinutes(settings.JobTimeoutBaseMinutes) + TimeSpan.FromSeconds(seconds * settings.JobTimeoutFactor);
    }

    private async Task RunLocallyAsync(Transcript transcript, TranscriptOptions options, string audioPath, CancellationToken cancellationToken)
    {
        // Chosen again at run time: a model may have been removed since the request was accepted.
        var choice = router.Choose(options);
        var engine = choice.Engine ?? throw new EngineUnavailableException(choice.Error!);
        var request = RecognitionRequestFor(audioPath, options);
        await speechThreshold.EnsureAsync(request, options.SpeechThreshold, cancellationToken);
        var identifies = options.Language.Detect && request.Language is null && engine.Capabilities.IdentifiesLanguage;
        if (options.Language.Detect && !identifies)
        {
            // Before recognition: audio that is not English is refused without spending the minutes on it.
            var language = await languageDetector.DetectAsync(request, options.Language, cancellationToken);
            (transcript.LanguageCode, transcript.LanguageConfidence) = (language.Code, language.Confidence);
            request = request with { Language = LanguageVerdict.English };
        }

        var progress = new ProgressRecorder(dbFactory, events, TranscriptChange.Of(transcript));
        var result = await engine.TranscribeAsync(request, progress, cancellationToken);
        if (identifies)
        {
            (result, transcript.LanguageCode, transcript.LanguageConfidence) = await IdentifiedLanguageAsync(engine, request, result, options.Language, progress, cancellationToken);
        }

        var understood = await understanding.ApplyAsync(request, result, options, engine.Capabilities, transcript.LanguageCode, cancellationToken);
        // As AssemblyAI: a file in which no speech was found gets redacted audio only when the request asks for it.
        if (options.Redaction?.Audio is { } redactedAudio && (understood.Words.Count > 0 || redactedAudio.ReturnRedactedNoSpeechAudio == true))
        {
            await audioRedactor.WriteAsync(transcript.TeamId, transcript.Id, audioPath, understood.RedactedPii, redactedAudio, cancellationToken);
        }

        Complete(transcript, result, understood, options);
        logger.LogInformation("Transcribed {TranscriptId}: {Words} words, {Seconds:F1} s of audio", transcript.Id, result.Words.Count, result.AudioDurationSeconds);
    }

    /// <summary>
    /// A remote region does everything (recognition, formatting, speakers, redaction, insights); its result is stored
    /// here as if made here. Our own upload is sent there; any other audio_url is passed on for it to fetch.
    /// </summary>
    private async Task RunInRegionAsync(Transcript transcript, TranscriptOptions options, CancellationToken cancellationToken)
    {
        var region = regions.Find(transcript.Region) is { IsRemote: true } found
            ? found
            : throw new RegionFailedException($"Region \"{transcript.Region}\" is no longer configured on this server.");
        string? audioPath = null;
        if (transcript.UploadId is { } uploadId && transcript.UpstreamTranscriptId is null)
        {
            audioPath = uploads.PathFor(transcript.TeamId, uploadId);
            if (!File.Exists(audioPath))
            {
                throw new AudioFetchException("The uploaded file no longer exists. Please upload it again.", "the upload no longer exists");
            }
        }

        var result = await remote.RunAsync(region, transcript, options, audioPath, async upstreamId =>
        {
            transcript.UpstreamTranscriptId = upstreamId;
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        // The upstream reports whole seconds (AssemblyAI's audio_duration); a file kept here gives the decoded length, so
        // the library, the reader and the player (which floors) agree, as they do for local transcripts.
        var seconds = result.AudioDurationSeconds;
        if (transcript.UploadId is { } keptUpload && uploads.PathFor(transcript.TeamId, keptUpload) is var keptPath && File.Exists(keptPath))
        {
            seconds = await AudioDecoder.MeasureDecodedSecondsAsync(keptPath, cancellationToken) ?? seconds;
        }

        Store(transcript, result.Words, result.Text ?? "", result.Insights, seconds, result.AudioChannels, result.SpeechModelUsed);
        transcript.Confidence = result.Confidence;
        (transcript.LanguageCode, transcript.LanguageConfidence) = (result.LanguageCode ?? options.Language.Code, result.LanguageConfidence);
        logger.LogInformation("Transcribed {TranscriptId} in region {Region}: {Words} words", transcript.Id, region.Name, result.Words.Count);
    }

    private static RecognitionRequest RecognitionRequestFor(string audioPath, TranscriptOptions options) => new(audioPath)
    {
        Window = options.Window,
        SeparateChannels = options.Multichannel,
        Keyterms = options.Keyterms,
        Prompt = options.Hosted.Prompt,
        Temperature = options.Hosted.Temperature,
        Language = options.Language.Settled,
    };

    /// <summary>
    /// language_detection by the engine itself: its answer checked against the request's rules, and the audio heard
    /// again in the fallback language when the one it heard was not expected.
    /// </summary>
    private static async Task<(RecognitionResult Result, string? Code, double? Confidence)> IdentifiedLanguageAsync(
        ISpeechEngine engine, RecognitionRequest request, RecognitionResult result, LanguageOptions options, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var (verdict, fallback) = LanguageVerdict.DecideIdentified(result.Language, options);
        if (verdict.Error is not null)
        {
            throw new LanguageRejectedException(verdict);
        }

        if (fallback is not null)
        {
            result = await engine.TranscribeAsync(request with { Language = fallback }, progress, cancellationToken);
        }

        return (result, verdict.Code, verdict.Confidence);
    }

    private async Task<string> LocateAudioAsync(Transcript transcript, string workDirectory, CancellationToken cancellationToken)
    {
        if (transcript.UploadId is { } uploadId)
        {
            var path = uploads.PathFor(transcript.TeamId, uploadId);
            return File.Exists(path) ? path : throw new AudioFetchException("The uploaded file no longer exists. Please upload it again.", "the upload no longer exists");
        }

        var downloaded = Path.Combine(workDirectory, "audio");
        await fetcher.FetchAsync(transcript.AudioUrl, downloaded, cancellationToken);
        return downloaded;
    }

    private void Complete(Transcript transcript, RecognitionResult result, UnderstoodSpeech understood, TranscriptOptions options)
    {
        var words = understood.Words;
        Store(transcript, words, understood.Text, understood.Insights, result.AudioDurationSeconds, result.AudioChannels, result.SpeechModel);
        transcript.Confidence = words.Count == 0 ? null : Math.Round(words.Average(w => w.Confidence), 5);
        transcript.LanguageCode ??= options.Language.Code ?? (options.Language.Settled is { } settled && settled != LanguageVerdict.English ? settled : "en_us");
    }

    private void Store(
        Transcript transcript, IReadOnlyList<Word> words, string text, Insights.TranscriptInsights? insights, double? audioDurationSeconds, int? audioChannels, string? speechModel)
    {
        transcript.Status = TranscriptStatus.Completed;
        transcript.Text = text;
        transcript.WordsJson = StoredWords.Write(words);
        transcript.InsightsJson = insights is not null ? StoredInsights.Write(insights) : null;
        transcript.AudioDurationSeconds = audioDurationSeconds;
        transcript.AudioChannels = audioChannels;
        var speakers = words.Select(w => w.Speaker).OfType<string>().Distinct().Count();
        transcript.SpeakerCount = speakers == 0 ? null : speakers;
        transcript.SpeechModelUsed = speechModel;
        transcript.Progress = 100;
        transcript.CompletedAt = clock.GetUtcNow().UtcDateTime;
    }

    private void Fail(Transcript transcript, string message)
    {
        transcript.Status = TranscriptStatus.Error;
        transcript.Error = message;
        transcript.CompletedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Writes progress to the transcript in steps of 10%, outside the tracked entity.</summary>
    private sealed class ProgressRecorder(IDbContextFactory<ApplicationDbContext> dbFactory, ITranscriptEvents events, TranscriptChange processing) : IProgress<int>
    {
        private int lastSaved;

        public void Report(int value)
        {
            if (value < lastSaved + 10)
            {
                return;
            }

            lastSaved = value;
            // Fire and forget: progress is a hint for the UI, and the engine reports from several threads.
            _ = Task.Run(async () =>
            {
                try
                {
                    await using var progressDb = await dbFactory.CreateDbContextAsync();
                    var saved = await progressDb.Transcripts.Where(t => t.Id == processing.TranscriptId && t.Status == TranscriptStatus.Processing)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Progress, value));
                    if (saved == 1)
                    {
                        events.Publish(processing with { Progress = value });
                    }
                }
                catch (Exception)
                {
                    // A lost progress update only delays the next one.
                }
            });
        }
    }
}
