using System.Diagnostics;

namespace Verbatim.Bench;

/// <summary>Runs the command-line tools the bench builds its audio with (ffmpeg, text2wave), failing with their stderr.</summary>
internal static class BenchProcess
{
    public static void Run(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ToList().ForEach(startInfo.ArgumentList.Add);
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error.Result}");
        }
    }
}
