using Quartz;

namespace WebApp.Transcription;

/// <summary>
/// Puts transcripts on the durable job store (Quartz's ADO store, in the app's database). A job's key is its
/// transcript's id, so queueing the same transcript twice is harmless.
/// </summary>
public sealed class TranscriptionQueue(ISchedulerFactory schedulers)
{
    private const string Group = "transcripts";

    public static JobKey KeyFor(Guid transcriptId) => new(transcriptId.ToString(), Group);

    public async Task EnqueueAsync(Guid transcriptId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<TranscriptionJob>()
            .WithIdentity(KeyFor(transcriptId))
            .UsingJobData(TranscriptionJob.TranscriptIdKey, transcriptId.ToString())
            // A process that dies mid-job hands the job back to the store; the next scheduler to start runs it again.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(transcriptId.ToString(), Group).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Already queued.
        }
    }

    public async Task<bool> IsQueuedAsync(Guid transcriptId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.Exists(KeyFor(transcriptId), cancellationToken);
    }
}
