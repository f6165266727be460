using System.Diagnostics;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Transcription.Whisper;

/// <summary><c>./run.sh download-model</c>'s failures, which are all this machine (no internet) can exercise.</summary>
public sealed class DownloadModelScriptTests
{
    [Fact]
    public async Task DownloadModel_UnknownName_ListsTheKnownOnesAndFails()
    {
        var (exitCode, output) = await RunAsync(["download-model", "huge-v9"], new Dictionary<string, string>());

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown whisper model \"huge-v9\"", output);
        Assert.Contains("  small.en\n", output);
        Assert.Contains("  large-v3-turbo\n", output);
    }

    [Fact]
    public async Task DownloadModel_HostUnreachable_SaysSoAndInstallsNothing()
    {
        using var data = new ScratchDirectory();

        // Port 9 (discard) on loopback: refused at once, as a machine without internet is.
        var (exitCode, output) = await RunAsync(["download-model", "base.en"], new Dictionary<string, string>
        {
            ["VERBATIM_DATA"] = data.Path,
            ["VERBATIM_MODEL_BASE_URL"] = "http://127.0.0.1:9/models",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Could not reach 127.0.0.1", output);
        Assert.Contains("Download ggml-base.en.bin elsewhere and copy it into", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, "models")));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Path.Combine(AppPaths.RepoRoot, "run.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
