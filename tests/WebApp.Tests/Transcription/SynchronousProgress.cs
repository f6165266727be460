namespace WebApp.Tests.Transcription;

/// <summary>Unlike <see cref="Progress{T}"/>, reports on the caller's thread, so nothing arrives after the call returns.</summary>
public sealed class SynchronousProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
