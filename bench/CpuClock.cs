using System.Diagnostics;

namespace Verbatim.Bench;

/// <summary>CPU time this process has used since <see cref="Start"/>, on all its threads (ffmpeg's not included).</summary>
internal sealed class CpuClock
{
    private readonly TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;

    public static CpuClock Start() => new();

    public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
}
