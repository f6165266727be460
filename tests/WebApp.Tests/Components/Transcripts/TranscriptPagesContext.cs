using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Quartz;
using WebApp.Api.V2;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Library;
using WebApp.Limits;
using WebApp.Regions;
using WebApp.Tests.Library;
using WebApp.Transcription;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.Remote;
using WebApp.Transcription.Events;
using WebApp.Transcription.Model;
using WebApp.Uploads;

namespace WebApp.Tests.Components.Transcripts;

/// <summary>
/// A bUnit context for the library and new-transcript pages: MudBlazor, a real migrated SQLite database in memory,
/// the real library, deleter, submitter and notifier, a signed-in user with a personal team, and a job queue that
/// only records (an unstarted in-memory Quartz scheduler): no job runs, so tests drive the live status themselves.
/// </summary>
public abstract class TranscriptPagesContext : BunitContext, IAsyncLifetime
{
    // The pages load and save through the database asynchronously; generous, for a busy CI machine.
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-test-").FullName;
    private readonly InstalledEngines engines = new();

    protected TranscriptPagesContext()
    {
        User = Database.AddUser("ann@example.com");
        OtherUser = Database.AddUser("bob@example.com");

        Services.AddScoped<ApplicationDbContext>(_ => Database.CreateDbContext());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Options.Create(new VerbatimOptions { DataDirectory = dataDirectory }));
        Services.AddSingleton(Options.Create(new UploadOptions { MaxBytes = MaxUploadBytes }));
        Services.AddSingleton(Options.Create(new AntiforgeryOptions()));
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();
        Services.AddSingleton<UploadStore>();
        Services.AddSingleton<RedactedAudioStore>();
        Services.AddScoped<TranscriptLibrary>();
        Services.AddScoped<TranscriptDeleter>();
        // Only the local region is configured: the pages offer no choice and nothing is sent upstream.
        Services.AddSingleton(Options.Create(new RegionsOptions()));
        Services.AddSingleton<RegionCatalog>();
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddScoped<TeamRegions>();
        Services.AddSingleton<UpstreamSignals>();
        Services.AddHttpClient();
        Services.AddScoped<UpstreamClient>();
        Services.AddScoped<RemoteRegionRunner>();
        Services.AddSingleton<IRemoteWireFormat, RemoteWireFormat>();
        Services.AddOptions<LimitsOptions>();
        Services.AddOptions<TranscriptionOptions>();
        Services.AddSingleton<TeamLimitLock>();
        Services.AddSingleton<TeamJobAdmission>();
        Services.AddScoped<TranscriptSubmitter>();
        Services.AddSingleton<ISpeechEngineSource>(engines);
        Services.AddOptions<SpeechModelOptions>();
        Services.AddSingleton<SpeechModelRouter>();
        Services.AddSingleton<TranscriptOptionsValidator>();
        // In memory, and never started: queued jobs are recorded, none runs.
        Services.AddQuartz();
        Services.AddSingleton<TranscriptionQueue>();
        Services.AddSingleton<TranscriptNotifier>();
        Services.AddSingleton<ITranscriptEvents, NotifierOnlyEvents>();
        Services.AddMudServices();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(User.Email!);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, User.Id));

        // MudBlazor's and the upload module's JS have nothing to do here; the pages are interactive (InteractiveServer).
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected const long MaxUploadBytes = 10_000_000;

    protected LibraryDatabase Database { get; } = new();

    protected ApplicationUser User { get; }

    protected ApplicationUser OtherUser { get; }

    protected TranscriptNotifier Notifier => Services.GetRequiredService<TranscriptNotifier>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services can only be disposed asynchronously, and xUnit 2 disposes test classes synchronously
    // unless they implement IAsyncLifetime.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }

    /// <summary>Changes go to this process's pages only, as the broadcaster would send them (there is no hub here).</summary>
    private sealed class NotifierOnlyEvents(TranscriptNotifier notifier) : ITranscriptEvents
    {
        public void Publish(TranscriptChange change) => _ = notifier.NotifyAsync(change);
    }

    /// <summary>Lists a whisper model beside pocketsphinx, as dropping one into the models folder does.</summary>
    protected void InstallWhisperModel() => engines.Engines.Add(new NoSpeechEngine("whisper-tiny.en", promptAndTemperature: true));

    private sealed class InstalledEngines : ISpeechEngineSource
    {
        public List<ISpeechEngine> Engines { get; } = [new NoSpeechEngine()];

        IReadOnlyList<ISpeechEngine> ISpeechEngineSource.Engines => Engines;
    }

    private sealed class NoSpeechEngine(string name = "pocketsphinx-en-us", bool promptAndTemperature = false) : ISpeechEngine
    {
        public string Name => name;

        public EngineCapabilities Capabilities { get; } = new()
        {
            Languages = new HashSet<string>(["en"]), Keyterms = true, Channels = true, PromptAndTemperature = promptAndTemperature,
            AccuracyRank = promptAndTemperature ? 2 : 1,
        };

        public Task<RecognitionResult> TranscribeAsync(RecognitionRequest request, IProgress<int>? progress, CancellationToken cancellationToken) =>
            throw new NotSupportedException("No job runs in these tests.");
    }
}
