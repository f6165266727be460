using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WebApp.Tests;

namespace Verbatim.Bench.Load;

/// <summary>
/// Peak resident memory of the server while it transcribes one long file, at two lengths (<c>--memory-minutes</c>,
/// 15 and 180 by default): memory should stay flat in file length, so the two peaks should be close.
/// </summary>
internal sealed class LongFileMemoryBench : IBenchSection
{
    public static IReadOnlyList<double> Minutes { get; set; } = [15, 180];

    public string Name => "memory";

    public string Description => $"server's peak RSS transcribing one file of {string.Join(" and ", Minutes)} minutes";

    public async Task RunAsync(BenchContext context)
    {
        var passage = TestAudio.Flite(
            "The quick brown fox jumps over the lazy dog and then runs down to the river, where it drinks some water " +
            "before going home again. Nobody saw it leave, and nobody saw it come back in the evening.",
            context.Scratch.File("memory-passage.wav"));
        var passageSeconds = TestAudio.DurationSeconds(passage);
        foreach (var minutes in Minutes)
        {
            // Compressed, as long recordings usually arrive; the server decodes it as a stream.
            var file = context.Scratch.File($"long-{minutes}.mp3");
            var loops = (int)Math.Ceiling(minutes * 60 / passageSeconds) - 1;
            BenchProcess.Run("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", loops.ToString(CultureInfo.InvariantCulture), "-i", passage,
                "-ac", "1", "-ar", "16000", "-c:a", "libmp3lame", "-b:a", "32k", file);

            await using var server = await BenchServer.StartAsync();
            var idle = server.PeakResidentMegabytes();
            var clock = Stopwatch.StartNew();
            var id = await server.TranscribeAsync(file, timeout: TimeSpan.FromMinutes(minutes * 2 + 10));
            var elapsed = clock.Elapsed;
            // The length the server decoded (an mp3's header may say otherwise), and its words, show the whole file was heard.
            using var http = server.CreateClient();
            var transcript = await http.GetFromJsonAsync<JsonElement>($"/v2/transcript/{id}");
            BenchContext.Row($"{transcript.GetProperty("audio_duration").GetDouble() / 60:F0} min file",
                $"peak RSS {server.PeakResidentMegabytes():F0} MB (started at {idle:F0} MB), {transcript.GetProperty("words").GetArrayLength():N0} words, " +
                $"transcribed in {elapsed.TotalMinutes:F1} min");
            File.Delete(file);
        }

        BenchContext.Row("load average after", LoadBench.LoadAverage());
    }
}
