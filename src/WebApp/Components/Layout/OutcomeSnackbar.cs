using Microsoft.AspNetCore.Components;
using MudBlazor;
using WebApp.Data.Entities;
using WebApp.Transcription.Events;

namespace WebApp.Components.Layout;

public static class OutcomeSnackbar
{
    /// <summary>One announcement per transcript: the reader takes it away once the person is looking at that transcript.</summary>
    public static string KeyFor(Guid transcriptId) => $"transcript-outcome-{transcriptId}";

    /// <summary>Says that a transcript the person is watching is ready (with a way to open it) or failed (and why).</summary>
    public static void AnnounceOutcome(this ISnackbar snackbar, NavigationManager navigation, string name, TranscriptChange change)
    {
        if (change.Status == TranscriptStatus.Completed)
        {
            snackbar.Add($"“{name}” is transcribed.", Severity.Success, config =>
            {
                config.Action = "Open";
                config.OnClick = _ =>
                {
                    navigation.NavigateTo($"transcripts/{change.TranscriptId}");
                    return Task.CompletedTask;
                };
            }, KeyFor(change.TranscriptId));
        }
        else if (change.Status == TranscriptStatus.Error)
        {
            snackbar.Add($"“{name}” could not be transcribed: {change.Error}", Severity.Error, key: KeyFor(change.TranscriptId));
        }
    }
}
