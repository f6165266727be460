using System.Diagnostics;

namespace Verbatim.Bench.Load;

/// <summary>
/// Kill -9 twenty times at random moments while ten jobs and their webhooks are in flight (issue 10). The crash loop
/// is the test's (tests/…/Transcription/CrashLoopTests, five kills of four jobs in the suite), run here at full size;
/// it asserts every outcome, and its last line says what happened.
/// </summary>
internal sealed class CrashBench : IBenchSection
{
    private const int Kills = 20;
    private const int Jobs = 10;

    public string Name => "crash";

    public string Description => $"kill -9 the server {Kills} times while {Jobs} jobs and their webhooks are in flight";

    public async Task RunAsync(BenchContext context)
    {
        BenchContext.Row("load average before", LoadBench.LoadAverage());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "test", Path.Combine(BenchServer.RepoRoot, "tests", "WebApp.Tests"), "-c", "Release",
            "--filter", "FullyQualifiedName~CrashLoopTests", "--logger", "console;verbosity=detailed",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["VERBATIM_CRASH_KILLS"] = Kills.ToString();
        start.Environment["VERBATIM_CRASH_JOBS"] = Jobs.ToString();
        using var test = Process.Start(start)!;
        var stdout = test.StandardOutput.ReadToEndAsync();
        var stderr = test.StandardError.ReadToEndAsync();
        await test.WaitForExitAsync();
        var lines = (await stdout).Split('\n');
        var summary = lines.FirstOrDefault(line => line.Contains(" kills (seed ", StringComparison.Ordinal))?.Trim();
        if (test.ExitCode != 0 || summary is null)
        {
            throw new InvalidOperationException($"The crash loop failed:\n{string.Join('\n', lines.TakeLast(60))}\n{await stderr}");
        }

        BenchContext.Row("crash loop", summary);
        BenchContext.Row("load average after", LoadBench.LoadAverage());
    }
}
