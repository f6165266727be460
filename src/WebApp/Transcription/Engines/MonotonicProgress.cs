using WebApp.Transcription.Audio;

namespace WebApp.Transcription.Engines;

/// <summary>
/// Passes on a percentage only when it rises, whichever thread reports it, so parallel segments finishing out of order
/// never move the progress bar backwards and the receiver is not told the same number twice.
/// </summary>
internal sealed class MonotonicProgress(IProgress<int>? target)
{
    private readonly Lock gate = new();
    private int last = -1;

    public void Report(int percent)
    {
        percent = Math.Clamp(percent, 0, 100);
        lock (gate)
        {
            if (percent <= last)
            {
                return;
            }

            last = percent;
            target?.Report(percent);
        }
    }
}
