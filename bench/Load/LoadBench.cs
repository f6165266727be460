using System.Globalization;
using WebApp.Tests;

namespace Verbatim.Bench.Load;

/// <summary>
/// The API under many clients (issue 10's targets on 2 cores, load generator on the same machine): 200 clients
/// each over GET of a completed transcript, the list, word-search and small uploads, then GET at a steady 300 req/s.
/// </summary>
internal sealed class LoadBench : IBenchSection
{
    private const int Clients = 200;
    private const int SteadyRate = 300;

    /// <summary>How long each run lasts (<c>--load-seconds</c>).</summary>
    public static TimeSpan RunLength { get; set; } = TimeSpan.FromSeconds(60);

    public string Name => "load";

    public string Description => $"API under {Clients} clients (GET, list, word-search, upload) and p99 at a steady {SteadyRate} req/s";

    public async Task RunAsync(BenchContext context)
    {
        var speech = SpeechOfAboutTwoMinutes(context.Scratch.Path);
        var smallUpload = TestAudio.Flite("A small file.", Path.Combine(context.Scratch.Path, "small.wav"));

        await using var server = await BenchServer.StartAsync();
        var id = await server.TranscribeAsync(speech, new { speaker_labels = true });
        using (var http = server.CreateClient())
        {
            var body = await http.GetStringAsync($"/v2/transcript/{id}");
            BenchContext.Row("transcript", $"{TestAudio.DurationSeconds(speech):F0} s of speech, {body.Length / 1024.0:F0} KB of JSON");
        }

        // The first requests are slow while the JIT compiles the path; the figures are of the app as it runs for days.
        await Autocannon.RunAsync(server, $"/v2/transcript/{id}", 50, TimeSpan.FromSeconds(5));
        BenchContext.Row("load average before", LoadAverage());
        var runs = new (string Label, string Path, string? Body)[]
        {
            ("GET transcript", $"/v2/transcript/{id}", null),
            ("GET list", "/v2/transcript?limit=10", null),
            ("GET word-search", $"/v2/transcript/{id}/word-search?words=river,water", null),
            ("POST upload (small file)", "/v2/upload", smallUpload),
        };
        foreach (var (label, path, body) in runs)
        {
            var result = await Autocannon.RunAsync(server, path, Clients, RunLength, bodyPath: body);
            BenchContext.Row($"{label}, {Clients} clients", result.Describe());
        }

        var steady = await SteadyLoad.RunAsync(server, $"/v2/transcript/{id}", SteadyRate, RunLength);
        BenchContext.Row($"GET transcript at {SteadyRate} req/s, open loop", steady.Describe());
        // autocannon's own rate limit, kept beside it to show what it measures instead (see SteadyLoad).
        var bursts = await Autocannon.RunAsync(server, $"/v2/transcript/{id}", 50, RunLength, rate: SteadyRate);
        BenchContext.Row($"GET transcript, autocannon -R {SteadyRate}", bursts.Describe());
        BenchContext.Row("load average after", LoadAverage());
    }

    /// <summary>The 1-minute load average, with a warning when other work shares the cores (figures then are not idle ones).</summary>
    public static string LoadAverage()
    {
        var average = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        return average > Environment.ProcessorCount * 0.5
            ? $"{average:F1} on {Environment.ProcessorCount} cores: the machine was busy, these are not idle figures"
            : $"{average:F1} on {Environment.ProcessorCount} cores";
    }

    private static string SpeechOfAboutTwoMinutes(string directory)
    {
        var passage = TestAudio.Flite(
            "The quick brown fox jumps over the lazy dog and then runs down to the river, where it drinks some water " +
            "before going home again. Nobody saw it leave, and nobody saw it come back in the evening.",
            Path.Combine(directory, "passage.wav"));
        return TestAudio.Concat(Path.Combine(directory, "speech.wav"), Enumerable.Repeat(passage, 10));
    }
}
