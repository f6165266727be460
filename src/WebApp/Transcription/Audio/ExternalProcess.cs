using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Audio;

/// <param name="StandardErrorTail">The last lines the process wrote to stderr, bounded so a chatty process cannot fill memory.</param>
internal sealed record ProcessOutcome(int ExitCode, string StandardErrorTail);

/// <summary>Runs a command-line tool (ffmpeg, ffprobe, file) with its output streamed to the caller.</summary>
internal static class ExternalProcess
{
    private const int StandardErrorTailChars = 2000;

    /// <summary>
    /// Starts <paramref name="fileName"/>, hands its stdout to <paramref name="readStandardOutput"/> and waits for it to
    /// exit. On cancellation, or if reading fails, the whole process tree is killed so no decoder outlives its job.
    /// </summary>
    /// <param name="follow">Told of the started process until it ends (e.g. to lower its priority).</param>
    public static async Task<ProcessOutcome> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        Func<Stream, Task> readStandardOutput,
        CancellationToken cancellationToken,
        string? standardInput = null,
        Func<Process, IDisposable>? follow = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Start(startInfo);
        using var followed = follow?.Invoke(process);
        // Killing closes the pipes, which ends the reads below; that is more dependable than cancelling pipe reads.
        await using var killOnCancel = cancellationToken.Register(() => KillTree(process));
        try
        {
            var standardError = ReadTailAsync(process.StandardError);
            // Written while stdout is read, so neither side waits on a full pipe.
            var writing = standardInput is null ? Task.CompletedTask : WriteAndCloseAsync(process.StandardInput, standardInput);
            await readStandardOutput(process.StandardOutput.BaseStream);
            await writing;
            var errorTail = await standardError;
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutcome(process.ExitCode, errorTail);
        }
        catch
        {
            KillTree(process);
            throw;
        }
    }

    /// <summary>Runs a tool that answers with a short text on stdout; returns null if it is missing or fails.</summary>
    /// <param name="standardInput">Written to the tool's stdin, which is then closed.</param>
    public static async Task<string?> QueryAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, string? standardInput = null)
    {
        try
        {
            var output = "";
            var outcome = await RunAsync(fileName, arguments, async stdout =>
            {
                using var reader = new StreamReader(stdout);
                output = await reader.ReadToEndAsync(CancellationToken.None);
            }, cancellationToken, standardInput);
            return outcome.ExitCode == 0 ? output.Trim() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static Process Start(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{startInfo.FileName} could not be started; is it installed and on the PATH?", exception);
        }
    }

    private static async Task WriteAndCloseAsync(StreamWriter input, string text)
    {
        await input.WriteAsync(text);
        input.Close();
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private static async Task<string> ReadTailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            tail.AppendLine(line);
            if (tail.Length > StandardErrorTailChars)
            {
                tail.Remove(0, tail.Length - StandardErrorTailChars);
            }
        }

        return tail.ToString().Trim();
    }
}
