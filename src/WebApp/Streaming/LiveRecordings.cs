using System.Collections.Concurrent;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Uploads;

namespace WebApp.Streaming;

/// <summary>
/// Keeps the audio of the Live page's sessions: a session whose token asked for it writes its 16 kHz audio to a WAV
/// file, which becomes an upload of the team when the session ends; the page, waiting on the recording's id, then
/// submits it as a normal transcript (speaker labels and formatting by the batch pass).
/// </summary>
public sealed class LiveRecordings(UploadStore store, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LiveRecordings> logger)
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Guid?>> saved = new();

    /// <summary>Starts writing a session's audio to a file beside the team's uploads.</summary>
    public WavRecorder Start(Guid teamId) =>
        new(Path.Combine(Path.GetDirectoryName(store.PathFor(teamId, Guid.Empty))!, $".live-{Guid.NewGuid():N}.wav"));

    /// <summary>Stores the finished recording as an upload (none when no audio came) and tells whoever waits for it.</summary>
    public async Task SaveAsync(Guid recordingId, StreamingGrant grant, WavRecorder recorder)
    {
        Guid? uploadId = null;
        try
        {
            var path = recorder.Complete();
            if (recorder.SampleCount > 0)
            {
                var id = Guid.NewGuid();
                File.Move(path, store.PathFor(grant.TeamId, id));
                await scopes.InScopeAsync(async services =>
                {
                    var db = services.GetRequiredService<ApplicationDbContext>();
                    db.Uploads.Add(new StoredUpload
                    {
                        Id = id,
                        TeamId = grant.TeamId,
                        UserId = grant.UserId,
                        SizeBytes = new FileInfo(store.PathFor(grant.TeamId, id)).Length,
                        FileName = $"Live recording {clock.GetUtcNow():yyyy-MM-dd HH.mm}.wav",
                        CreatedAt = clock.GetUtcNow().UtcDateTime,
                    });
                    return await db.SaveChangesAsync();
                });
                uploadId = id;
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception failure) when (failure is IOException or InvalidOperationException)
        {
            logger.LogError(failure, "The live recording {RecordingId} could not be kept", recordingId);
        }

        Completion(recordingId).TrySetResult(uploadId);
    }

    /// <returns>The upload holding the recording, or null when there was no audio or it could not be kept.</returns>
    public async Task<Guid?> WaitAsync(Guid recordingId, TimeSpan timeout)
    {
        try
        {
            return await Completion(recordingId).Task.WaitAsync(timeout, clock);
        }
        finally
        {
            saved.TryRemove(recordingId, out _);
        }
    }

    private TaskCompletionSource<Guid?> Completion(Guid recordingId) =>
        saved.GetOrAdd(recordingId, _ => new TaskCompletionSource<Guid?>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>16 kHz 16-bit mono samples to a WAV file; the header's sizes are written on <see cref="Complete"/>.</summary>
public sealed class WavRecorder : IDisposable
{
    private readonly FileStream file;
    private readonly string path;

    public WavRecorder(string path)
    {
        this.path = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        file.Write(new byte[44]);
    }

    public long SampleCount { get; private set; }

    public void Write(short[] samples)
    {
        file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()));
        SampleCount += samples.Length;
    }

    /// <returns>The finished file's path.</returns>
    public string Complete()
    {
        var dataBytes = (int)(SampleCount * 2);
        file.Position = 0;
        using (var header = new BinaryWriter(file, System.Text.Encoding.ASCII, leaveOpen: true))
        {
            header.Write("RIFF"u8);
            header.Write(36 + dataBytes);
            header.Write("WAVEfmt "u8);
            header.Write(16);
            header.Write((short)1);
            header.Write((short)1);
            header.Write(PcmInput.TargetRate);
            header.Write(PcmInput.TargetRate * 2);
            header.Write((short)2);
            header.Write((short)16);
            header.Write("data"u8);
            header.Write(dataBytes);
        }

        file.Dispose();
        return path;
    }

    public void Dispose()
    {
        file.Dispose();
    }
}
