namespace Verbatim.Bench;

/// <summary>The process's peak resident memory (VmHWM), which Linux lets a process reset to measure phases apart.</summary>
internal static class PeakMemory
{
    public static string Describe() => $"{ReadStatusKilobytes("VmHWM") / 1024.0:F0} MB";

    /// <summary>Starts a new peak from the current resident size; false where the kernel does not allow it.</summary>
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
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
}
