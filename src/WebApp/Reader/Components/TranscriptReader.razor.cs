using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using WebApp.Accounts;
using WebApp.Components.Layout;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Reader;
using WebApp.Sharing.Components;
using WebApp.Teams;
using WebApp.Transcription.Events;
using WebApp.Transcription.Exports;
using WebApp.Uploads;

namespace WebApp.Reader.Components;

public sealed partial class TranscriptReader
{
    private readonly CancellationTokenSource disposed = new();
    private Transcript? transcript;
    private ReadableTranscript? readable;
    private bool loaded;
    private bool editing;
    private bool canWrite;
    private string? userId;
    private ReaderAudio? audio;
    private int? initialWordIndex;
    // Made before the first render, so that a word clicked before its script is attached still seeks.
    private ReaderPlayback? playback;
    private bool playbackAttached;
    private bool wordsRerendered;
    private bool polling;
    private IDisposable? liveChanges;
    private ElementReference transcriptElement;
    private ElementReference audioElement;

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TranscriptNotifier Notifier { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The team's view: the signed-in user must be in the transcript's team.</summary>
    [Parameter]
    public Guid? TranscriptId { get; set; }

    /// <summary>The public view through a share link: read-only.</summary>
    [Parameter]
    public string? ShareToken { get; set; }

    /// <summary>Where to open the recording (?t=, in ms).</summary>
    [Parameter]
    public int? StartAtMs { get; set; }

    /// <summary>
    /// How often a queued or processing transcript is read again. Live changes refresh it at once; this is the
    /// safety net for a change that got lost (publishing never waits and may drop one).
    /// </summary>
    [Parameter]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool IsShared => ShareToken is not null;

    private bool IsReadable => transcript is { Status: TranscriptStatus.Completed, DeletedAt: null };

    private bool IsPending => transcript is { Status: TranscriptStatus.Queued or TranscriptStatus.Processing, DeletedAt: null };

    /// <summary>
    /// Reads the transcript again and shows what changed: on each live change of this transcript, and every
    /// <see cref="PollInterval"/> while it is queued or processing.
    /// </summary>
    public Task RefreshAsync() => InvokeAsync(async () =>
    {
        var before = readable;
        await LoadAsync();
        wordsRerendered = before is not null && readable is not null && playbackAttached;
        StateHasChanged();
    });

    protected override async Task OnInitializedAsync()
    {
        playback = new ReaderPlayback(JS);
        if (!IsShared && AuthenticationState is not null)
        {
            userId = (await AuthenticationState).User.GetUserId();
        }

        await LoadAsync();
        if (TranscriptId is { } shown)
        {
            // "… is transcribed. Open" from the page before has done its job once its transcript is on screen.
            Snackbar.RemoveByKey(OutcomeSnackbar.KeyFor(shown));
        }

        if (StartAtMs is { } start && readable is not null)
        {
            initialWordIndex = readable.WordIndexAt(start);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (IsPending && !polling)
        {
            polling = true;
            var id = transcript!.Id;
            liveChanges ??= Notifier.Subscribe(transcript.TeamId, change => change.TranscriptId == id ? RefreshAsync() : Task.CompletedTask);
            _ = PollAsync();
        }

        if (IsReadable && !playbackAttached)
        {
            playbackAttached = true;
            await playback!.AttachAsync(transcriptElement, audio?.Source is null ? null : audioElement, StartAtMs);
        }
        else if (wordsRerendered && playbackAttached)
        {
            wordsRerendered = false;
            await playback!.RefreshAsync();
        }
    }

    private async Task LoadAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<TranscriptAccess>();
        transcript = IsShared
            ? await access.FindForShareAsync(ShareToken!, disposed.Token)
            : userId is null || TranscriptId is not { } id ? null : await access.FindForUserAsync(userId, id, disposed.Token);
        readable = transcript is null ? null : ReadableTranscript.From(transcript);
        // The role in the transcript's own team (which may not be the active one): viewers only read and export.
        canWrite = !IsShared && transcript is not null && userId is not null
            && await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().FindMembershipAsync(userId, transcript.TeamId, disposed.Token) is { CanWrite: true };
        audio = transcript is null ? null : ReaderAudio.For(
            transcript, scope.ServiceProvider.GetRequiredService<UploadStore>(), scope.ServiceProvider.GetRequiredService<RedactedAudioStore>(), ShareToken);
        loaded = true;
    }

    private string ExportUrl(ExportFormat format) =>
        IsShared ? ReaderEndpoints.SharedExportUrl(ShareToken!, format) : ReaderEndpoints.ExportUrl(transcript!.Id, format);

    private async Task PollAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (IsPending && await timer.WaitForNextTickAsync(disposed.Token))
            {
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            polling = false;
        }
    }

    private Task WordClickedAsync(int index) =>
        editing ? CorrectWordAsync(index) : SeekAsync(readable!.Words[index].Start);

    private Task SeekAsync(int milliseconds) => playback?.SeekAsync(milliseconds, play: true) ?? Task.CompletedTask;

    private async Task OpenShareDialogAsync()
    {
        if (!canWrite)
        {
            return;
        }

        var parameters = new DialogParameters<ShareDialog>
        {
            { d => d.TeamId, transcript!.TeamId },
            { d => d.TranscriptId, transcript.Id },
            { d => d.UserId, userId! },
        };
        await Dialogs.ShowAsync<ShareDialog>("Share this transcript", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
    }

    public async ValueTask DisposeAsync()
    {
        // Cancelled, not disposed: a poll or load still running may read the token after this.
        await disposed.CancelAsync();
        liveChanges?.Dispose();
        if (playback is not null)
        {
            await playback.DisposeAsync();
        }
    }
}
