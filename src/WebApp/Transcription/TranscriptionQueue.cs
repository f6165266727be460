using Quartz;
using WebApp.Transcription.Webhooks;

namespace WebApp.Transcription;

/// <summary>
/// Puts work for a transcript on the durable job store (Quartz's ADO store): its transcription, and later its
/// webhook. A job's key is the transcript's id within its kind, so queueing the same work twice is harmless.
/// Each kind has an execution group, so that webhook retries never hold a transcription slot.
/// </summary>
public sealed class TranscriptionQueue(ISchedulerFactory schedulers)
{
    public const string TranscriptionGroup = "transcription";
    public const string WebhookGroup = "webhooks";

    public static JobKey TranscriptionKey(Guid transcriptId) => new(transcriptId.ToString(), TranscriptionGroup);

    public Task EnqueueAsync(Guid transcriptId, CancellationToken cancellationToken) =>
        ScheduleAsync<TranscriptionJob>(TranscriptionKey(transcriptId), TranscriptionJob.TranscriptIdKey, transcriptId, cancellationToken);

    public static JobKey WebhookKey(Guid transcriptId) => new(transcriptId.ToString(), WebhookGroup);

    public Task EnqueueWebhookAsync(Guid transcriptId, CancellationToken cancellationToken) =>
        ScheduleAsync<WebhookJob>(WebhookKey(transcriptId), WebhookJob.TranscriptIdKey, transcriptId, cancellationToken);

    public Task<bool> IsQueuedAsync(Guid transcriptId, CancellationToken cancellationToken) => ExistsAsync(TranscriptionKey(transcriptId), cancellationToken);

    public Task<bool> IsWebhookQueuedAsync(Guid transcriptId, CancellationToken cancellationToken) => ExistsAsync(WebhookKey(transcriptId), cancellationToken);

    private async Task<bool> ExistsAsync(JobKey key, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.Exists(key, cancellationToken);
    }

    private async Task ScheduleAsync<TJob>(JobKey key, string dataKey, Guid transcriptId, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<TJob>()
            .WithIdentity(key)
            .UsingJobData(dataKey, transcriptId.ToString())
            // A process that dies mid-job hands the job back to the store; the next scheduler to start runs it again.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).WithExecutionGroup(key.Group).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Already queued.
        }
    }
}
