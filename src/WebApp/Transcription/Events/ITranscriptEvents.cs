namespace WebApp.Transcription.Events;

/// <summary>
/// Where the job and the submitter report status and progress changes. In the web process they go straight to the
/// browsers (<see cref="TranscriptBroadcaster"/>); in a worker process they are forwarded to the web process's hub
/// (<see cref="RemoteTranscriptEvents"/>). Either way publishing never throws and never waits on the network: a lost
/// update must not fail or slow a transcription.
/// </summary>
public interface ITranscriptEvents
{
    void Publish(TranscriptChange change);
}
