using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using WebApp.Data;
using WebApp.Infrastructure;
using WebApp.Reader;
using WebApp.Reader.Components;
using WebApp.Sharing;
using WebApp.Tests.Reader;
using WebApp.Transcription.Events;
using WebApp.Uploads;

namespace WebApp.Tests.Components;

/// <summary>
/// A bUnit context for the transcript reader: MudBlazor, a real SQLite database with a signed-in user and their
/// team, the real reader services, an upload store in a temp folder, and the player's script stubbed so tests can
/// see what the reader asked of it.
/// </summary>
public abstract class ReaderContext : BunitContext, IAsyncLifetime
{
    // The reader loads and saves through the database asynchronously; generous, for a busy CI machine.
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-reader-").FullName;

    protected ReaderContext()
    {
        Services.AddScoped<ApplicationDbContext>(_ => Database.CreateDbContext());
        Services.AddScoped<TranscriptAccess>();
        Services.AddScoped<TranscriptEditor>();
        Services.AddScoped<ShareLinkService>();
        Services.AddSingleton(Options.Create(new VerbatimOptions { DataDirectory = dataDirectory }));
        Services.AddSingleton<UploadStore>();
        Services.AddSingleton<RedactedAudioStore>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddLogging();
        Services.AddSingleton<TranscriptNotifier>();
        Services.AddMudServices();
        var authorization = AddAuthorization();
        authorization.SetAuthorized(Database.User.Email!);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, Database.User.Id));

        // MudBlazor's own calls (focus, popovers) have nothing to do here; the player's module is watched.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Player = JSInterop.SetupModule(ReaderPlayback.ModulePath);
        Player.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected ReaderDatabase Database { get; } = new();

    /// <summary>The player's script (TranscriptReader.razor.js): what the reader called, with which arguments.</summary>
    protected BunitJSInterop Player { get; }

    protected UploadStore Uploads => Services.GetRequiredService<UploadStore>();

    /// <summary>Puts a (tiny) audio file in the upload store, as /v2/upload would.</summary>
    protected Guid StoreUpload(Guid teamId)
    {
        var uploadId = Guid.NewGuid();
        var path = Uploads.PathFor(teamId, uploadId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, "RIFF\0\0\0\0WAVEfmt "u8.ToArray());
        return uploadId;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services can only be disposed asynchronously, and xUnit 2 disposes test classes synchronously
    // unless they implement IAsyncLifetime.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
