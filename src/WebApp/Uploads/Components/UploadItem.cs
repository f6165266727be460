using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Transcription.Events;
using WebApp.Uploads;

namespace WebApp.Uploads.Components;

public enum UploadState
{
    /// <summary>Picked, waiting for "Transcribe".</summary>
    Ready,

    /// <summary>Refused before uploading (too large, empty); never sent.</summary>
    Rejected,

    Uploading,

    /// <summary>Uploaded (or a link), being handed to the transcript queue.</summary>
    Submitting,

    /// <summary>A transcript exists; <see cref="UploadItem.Status"/> follows it live.</summary>
    Submitted,

    /// <summary>The upload or the submission failed; <see cref="UploadItem.Error"/> says why.</summary>
    Failed,
}

/// <summary>A file (or a link) on the new-transcript page, from picking it to its transcript's outcome.</summary>
public sealed class UploadItem
{
    /// <summary>The browser's id for a picked file (see transcript-upload.js), or a made-up one for a link.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    /// <summary>Null for a link.</summary>
    public long? SizeBytes { get; init; }

    public UploadState State { get; set; }

    public double UploadPercent { get; set; }

    public string? Error { get; set; }

    public Guid? TranscriptId { get; private set; }

    public TranscriptStatus Status { get; private set; }

    public int Progress { get; private set; }

    /// <summary>A picked file; refused at once when it is empty or larger than the server accepts.</summary>
    public static UploadItem Picked(PickedFile file, long maxBytes)
    {
        var problem = file.Size == 0 ? "The file is empty."
            : file.Size > maxBytes ? $"Too large: this server accepts files up to {UploadReceiver.FormatSize(maxBytes)}."
            : null;
        return new UploadItem
        {
            Key = file.Id,
            Name = file.Name,
            SizeBytes = file.Size,
            State = problem is null ? UploadState.Ready : UploadState.Rejected,
            Error = problem,
        };
    }

    public void Fail(string error)
    {
        State = UploadState.Failed;
        Error = error;
    }

    public void Submitted(Guid transcriptId)
    {
        State = UploadState.Submitted;
        TranscriptId = transcriptId;
        Status = TranscriptStatus.Queued;
    }

    /// <returns>True when the change moved this item on (so the page should re-render).</returns>
    public bool Apply(TranscriptChange change)
    {
        if (change.TranscriptId != TranscriptId || !change.Advances(Status, Progress))
        {
            return false;
        }

        Status = change.Status;
        Progress = change.Progress;
        Error = change.Error;
        return true;
    }
}
