using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Verbatim.Bench.Load;

/// <summary>What one autocannon run measured.</summary>
/// <param name="ServerCpuMilliseconds">
/// The server's CPU time per request, user and system: unlike req/s and latency it barely moves when other work
/// shares the machine, so it is the figure to compare between a busy run and an idle one.
/// </param>
internal sealed record LoadResult(
    double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long Errors, long Timeouts, long Non2xx, double ServerCpuMilliseconds)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{RequestsPerSecond,6:F0} req/s  p50 {P50Milliseconds,4:F0} ms  p99 {P99Milliseconds,4:F0} ms  {Requests,7} requests  {Errors + Timeouts + Non2xx} errors ({Timeouts} timeouts, {Non2xx} not 2xx)  server CPU {ServerCpuMilliseconds:F2} ms/request");
}

/// <summary>
/// The HTTP load generator: npm's autocannon (installed into tests/js by <c>scripts/setup.sh --test</c>), run on the
/// same machine as the server, which is what the targets assume.
/// </summary>
internal static class Autocannon
{
    private static string Script => Path.Combine(BenchServer.RepoRoot, "tests", "js", "node_modules", "autocannon", "autocannon.js");

    /// <param name="rate">Requests per second for the whole run (a steady load), or null for as many as the clients can make.</param>
    /// <param name="bodyPath">A file sent as the body of a POST.</param>
    public static async Task<LoadResult> RunAsync(BenchServer server, string path, int connections, TimeSpan duration, int? rate = null, string? bodyPath = null)
    {
        if (!File.Exists(Script))
        {
            throw new FileNotFoundException("autocannon is missing: run scripts/setup.sh --test.", Script);
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Script, "-j", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-H", $"authorization={server.ApiKey}" })
        {
            start.ArgumentList.Add(argument);
        }

        if (rate is { } requestsPerSecond)
        {
            start.ArgumentList.Add("-R");
            start.ArgumentList.Add(requestsPerSecond.ToString(CultureInfo.InvariantCulture));
        }

        if (bodyPath is not null)
        {
            foreach (var argument in new[] { "-m", "POST", "-i", bodyPath, "-H", "content-type=application/octet-stream" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(new Uri(server.BaseAddress, path).ToString());
        var cpuBefore = server.CpuTime();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpu = server.CpuTime() - cpuBefore;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"autocannon exited with {process.ExitCode}: {await stderr}");
        }

        using var json = JsonDocument.Parse(await stdout);
        var root = json.RootElement;
        var latency = root.GetProperty("latency");
        var requests = root.GetProperty("requests").GetProperty("total").GetInt64();
        return new LoadResult(
            root.GetProperty("requests").GetProperty("average").GetDouble(),
            latency.GetProperty("p50").GetDouble(),
            latency.GetProperty("p99").GetDouble(),
            requests,
            // autocannon's errors include its timeouts (10 s); the rest are failed connections.
            root.GetProperty("errors").GetInt64() - root.GetProperty("timeouts").GetInt64(),
            root.GetProperty("timeouts").GetInt64(),
            root.GetProperty("non2xx").GetInt64(),
            cpu.TotalMilliseconds / Math.Max(1, requests));
    }
}
