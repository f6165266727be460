using System.Diagnostics;
using System.Globalization;
using WebApp.Transcription.Engines;

namespace Verbatim.Bench;

/// <param name="WallSeconds">From start to exit, model load included.</param>
/// <param name="CpuSeconds">The child's user + system time.</param>
/// <param name="PeakRssMegabytes">The child's VmHWM, sampled while it ran.</param>
internal sealed record ContinuousRun(IReadOnlyList<RecognizedWord> Words, double WallSeconds, double CpuSeconds, double PeakRssMegabytes);

/// <summary>
/// pocketsphinx the way a user runs it on a file: <c>pocketsphinx_continuous -infile</c>, one process, one decoder,
/// its own voice-activity detection cutting the utterances, with the same model as the engine and its other defaults.
/// </summary>
internal static class PocketSphinxContinuous
{
    /// <param name="wavPath">16 kHz mono 16-bit WAV: the tool reads no other format.</param>
    /// <param name="settings">More decoder settings, as flag and value pairs (e.g. "-maxhmmpf", "5000").</param>
    public static async Task<ContinuousRun> RunAsync(string modelDirectory, string wavPath, params string[] settings)
    {
        var start = new ProcessStartInfo("pocketsphinx_continuous")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-infile", wavPath,
            "-hmm", Path.Combine(modelDirectory, "en-us"),
            "-lm", Path.Combine(modelDirectory, "en-us.lm.bin"),
            "-dict", Path.Combine(modelDirectory, "cmudict-en-us.dict"),
            "-time", "yes",
            "-logfn", "/dev/null",
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cpu = CpuClock.Start();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pocketsphinx_continuous did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var peakKilobytes = 0L;
        while (!process.WaitForExit(100))
        {
            peakKilobytes = Math.Max(peakKilobytes, PeakRssKilobytes(process.Id));
        }

        await process.WaitForExitAsync();
        var wallSeconds = clock.Elapsed.TotalSeconds;
        // The child has been waited for, so its CPU time has joined this process's children's (the bench runs nothing else meanwhile).
        var cpuSeconds = cpu.Seconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pocketsphinx_continuous failed ({process.ExitCode}): {await errors}");
        }

        return new ContinuousRun(ParseWords(await output), wallSeconds, cpuSeconds, peakKilobytes / 1024.0);
    }

    /// <summary>
    /// With "-time yes" each utterance prints its hypothesis, then one "word start end probability" line per word (times
    /// in seconds); only the latter are kept, without silence, sentence marks, noises and "(2)" pronunciation marks.
    /// </summary>
    private static List<RecognizedWord> ParseWords(string output)
    {
        var words = new List<RecognizedWord>();
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4
                || !double.TryParse(fields[1], CultureInfo.InvariantCulture, out var start)
                || !double.TryParse(fields[2], CultureInfo.InvariantCulture, out var end)
                || !double.TryParse(fields[3], CultureInfo.InvariantCulture, out var probability)
                || fields[0][0] is '<' or '[' || fields[0].StartsWith("++", StringComparison.Ordinal))
            {
                continue;
            }

            var parenthesis = fields[0].IndexOf('(', StringComparison.Ordinal);
            words.Add(new RecognizedWord(parenthesis > 0 ? fields[0][..parenthesis] : fields[0], (int)(start * 1000), (int)(end * 1000), probability));
        }

        return words;
    }

    private static long PeakRssKilobytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // It exited between two samples.
        }
    }
}
