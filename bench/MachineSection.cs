namespace Verbatim.Bench;

/// <summary>What the figures were measured on.</summary>
internal sealed class MachineSection : IBenchSection
{
    public string Name => "machine";

    public string Description => "cores, CPU, memory";

    public Task RunAsync(BenchContext context)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memoryKilobytes = long.Parse(File.ReadLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

        BenchContext.Row("cores", Environment.ProcessorCount.ToString());
        BenchContext.Row("CPU", cpu ?? "unknown");
        BenchContext.Row("memory", $"{memoryKilobytes / 1024.0 / 1024.0:F1} GiB");
        BenchContext.Row("OS", System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        BenchContext.Row(".NET", Environment.Version.ToString());
        // Other work on the machine slows every figure below; the CPU times are the fairer comparison then.
        BenchContext.Row("load average (1, 5, 15 min)", string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)));
        return Task.CompletedTask;
    }
}
