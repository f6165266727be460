using System.Runtime.InteropServices;

namespace Verbatim.Bench;

/// <summary>
/// CPU time (user + system) this process and the child processes it has waited for (ffmpeg, pocketsphinx_continuous)
/// have used since <see cref="Start"/>, on all their threads.
/// </summary>
internal sealed class CpuClock
{
    private const int Self = 0;
    private const int Children = -1;

    private readonly double start = Now();

    public static CpuClock Start() => new();

    public double Seconds => Now() - start;

    private static double Now() => Used(Self) + Used(Children);

    private static double Used(int who)
    {
        if (getrusage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()}).");
        }

        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

    /// <summary>Linux x86-64/arm64 <c>struct rusage</c> (144 bytes): two timevals, then 14 longs this class ignores.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out ResourceUsage usage);
}
