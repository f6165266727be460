using Quartz;

namespace WebApp.Transcription;

/// <summary>The Quartz entry point: one firing transcribes one transcript.</summary>
[DisallowConcurrentExecution]
public sealed class TranscriptionJob(TranscriptProcessor processor) : IJob
{
    public const string TranscriptIdKey = "transcript_id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await processor.ProcessAsync(Guid.Parse(context.MergedJobDataMap.GetString(TranscriptIdKey)!), cancellationToken);
}
