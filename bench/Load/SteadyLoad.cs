using System.Diagnostics;

namespace Verbatim.Bench.Load;

/// <summary>
/// A steady request rate as an open loop: request i leaves at start + i/rate whatever the earlier ones are doing,
/// and its latency counts from that moment. autocannon's <c>-R</c> is not steady: each connection sends its share
/// of a second back to back when the second begins (all connections' seconds start together, so the server gets the
/// whole second's requests as one burst), and it corrects for coordinated omission with a 1 ms expected interval,
/// adding a synthetic sample per millisecond of every slow answer. Either alone makes p99 measure the generator.
/// </summary>
internal static class SteadyLoad
{
    public static async Task<LoadResult> RunAsync(BenchServer server, string path, int rate, TimeSpan duration)
    {
        using var http = server.CreateClient();
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var failures = 0;
        var cpuBefore = server.CpuTime();
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due - clock.Elapsed is { TotalMilliseconds: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            var index = i;
            requests.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(requests);
        var elapsed = clock.Elapsed;
        var cpu = server.CpuTime() - cpuBefore;
        Array.Sort(latencies);
        return new LoadResult(
            total / elapsed.TotalSeconds,
            latencies[(int)(total * 0.50)],
            latencies[Math.Min(total - 1, (int)(total * 0.99))],
            total,
            failures,
            0,
            0,
            cpu.TotalMilliseconds / total);
    }
}
