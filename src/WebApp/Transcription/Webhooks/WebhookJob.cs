using Quartz;

namespace WebApp.Transcription.Webhooks;

/// <summary>Delivers one transcript's webhook; queued in the durable job store when the transcript finishes.</summary>
public sealed class WebhookJob(WebhookSender sender) : IJob
{
    public const string TranscriptIdKey = "transcript_id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sender.SendAsync(Guid.Parse(context.MergedJobDataMap.GetString(TranscriptIdKey)!), cancellationToken);
}
