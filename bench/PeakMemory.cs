using System.Runtime.InteropServices;

namespace Verbatim.Bench;

/// <summary>The process's peak resident memory (VmHWM), which Linux lets a process reset to measure phases apart.</summary>
internal static class PeakMemory
{
    public static string Describe() => $"{ReadStatusKilobytes("VmHWM") / 1024.0:F0} MB";

    /// <summary>
    /// Starts a new peak from what the process holds now, after handing freed memory back (the .NET heap's, and the
    /// C heap's, which otherwise keeps the previous phase's pages); false where the kernel does not allow it.
    /// </summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        malloc_trim(0);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long ReadStatusKilobytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(line => line.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
    }

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}
