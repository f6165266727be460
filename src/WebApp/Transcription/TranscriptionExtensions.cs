using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Quartz;
using WebApp.Cluster;
using WebApp.Data;
using WebApp.Infrastructure;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.Whisper;
using WebApp.Transcription.Events;
using WebApp.Transcription.Language;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;
using WebApp.Transcription.Webhooks;
using WebApp.Uploads;

namespace WebApp.Transcription;

public static class TranscriptionExtensions
{
    /// <summary>The durable job queue (Quartz, persisted in the database), the job itself, and the speech engine.</summary>
    public static void AddTranscription(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TranscriptionOptions>().BindConfiguration(TranscriptionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var transcription = builder.Configuration.GetSection(TranscriptionOptions.Section).Get<TranscriptionOptions>() ?? new TranscriptionOptions();
        var fetch = builder.Configuration.GetSection(FetchOptions.Section).Get<FetchOptions>() ?? new FetchOptions();
        var webhooks = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();

        builder.AddTranscriptEvents();
        services.AddSingleton<UploadStore>();
        services.AddScoped<UploadReceiver>();
        services.AddSingleton<AudioFetcher>();
        // RemoveAllLoggers: the factory's request logs would name the URL, and a user's URL may carry credentials.
        services.AddHttpClient(AudioFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => PublicAddressHandler.Create(fetch.Policy, TimeSpan.FromSeconds(Math.Min(30, fetch.TimeoutSeconds))));
        services.AddScoped<TranscriptProcessor>();
        services.AddScoped<TranscriptSubmitter>();
        services.AddSingleton<SpeechUnderstanding>();
        services.AddSingleton<SpeechThresholdCheck>();
        services.AddSingleton<RedactedAudioStore>();
        services.AddSingleton<AudioRedactor>();
        services.AddSingleton(new SpeakerDiarizer());
        services.AddScoped<TranscriptDeleter>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                var handler = PublicAddressHandler.Create(fetch.Policy, TimeSpan.FromSeconds(webhooks.TimeoutSeconds));
                // A receiver's answer is only its status code: its body is read no further than this.
                handler.MaxResponseDrainSize = WebhookSender.MaxResponseBytes;
                handler.MaxResponseHeadersLength = 16;
                return handler;
            })
            .AddResilienceHandler("webhook-delivery", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    // The default ShouldHandle retries 5xx, 408, 429, network errors and timeouts, never other 4xx.
                    MaxRetryAttempts = webhooks.Attempts - 1,
                    Delay = TimeSpan.FromSeconds(webhooks.DelaySeconds),
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                })
                .AddTimeout(TimeSpan.FromSeconds(webhooks.TimeoutSeconds)));
        services.AddSingleton<TranscriptionQueue>();
        services.AddOptions<SpeechModelOptions>().BindConfiguration(SpeechModelOptions.Section);
        services.AddSingleton<SpeechModelRouter>();
        services.AddSingleton<TranscriptOptionsValidator>();
        services.AddPocketSphinx();
        services.AddWhisper();
        services.AddLanguageDetection();

        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = transcription.MaxConcurrentJobs + webhooks.Concurrency);
            quartz.UseExecutionLimits(limits => limits
                .ForGroup(TranscriptionQueue.TranscriptionGroup, transcription.MaxConcurrentJobs)
                .ForGroup(TranscriptionQueue.WebhookGroup, webhooks.Concurrency));
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                    o.RecoverFiringsCancelledByShutdown = true;
                });
                ConfigureJobStoreDatabase(store, builder.Configuration);
            });
        });
        services.AddHostedService<TranscriptionRecovery>();
        // A web node only queues: its scheduler is never started, so it never fires a job.
        if (ClusterOptions.From(builder.Configuration).RunsJobs)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        }
    }

    // Jobs live in the app's database. On the embedded default they get a SQLite file of their own beside it, so
    // that the scheduler's frequent small writes never wait on the app's (SQLite has one writer at a time).
    private static void ConfigureJobStoreDatabase(IPersistentStoreBuilder store, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = (configuration.GetSection(VerbatimOptions.Section).Get<VerbatimOptions>() ?? new VerbatimOptions()).DataDirectoryFullPath;
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(dataDirectory);
                store.UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "jobs.db") }.ToString());
                break;
            case DatabaseProvider.Postgres:
                store.UsePostgres(database.ConnectionString!);
                store.UseClustering(ConfigureClustering);
                break;
            case DatabaseProvider.SqlServer:
                store.UseSqlServer(database.ConnectionString!);
                store.UseClustering(ConfigureClustering);
                break;
        }
    }

    // Each process gets an instance id of its own (Quartz generates one when clustered). A worker checks in every 5 s;
    // one silent for 10 s more (killed, or its machine gone) is taken for dead, and its jobs, which all ask for
    // recovery, start again on another worker.
    private static void ConfigureClustering(ClusteringOptions clustering)
    {
        clustering.CheckinInterval = TimeSpan.FromSeconds(5);
        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
    }
}
