using System.Diagnostics;
using System.Globalization;

namespace WebApp.Tests;

/// <summary>
/// Makes test audio with the command-line tools installed on the machine (espeak-ng, flite, sox, ffmpeg), so no
/// recording has to be downloaded or kept in the repository. Free of xunit so the benchmark can link it too.
/// </summary>
public static class TestAudio
{
    /// <summary>Without it sox adds random noise whenever it writes 16-bit audio, even silence, and no two runs give the same file.</summary>
    private const string NoDither = "--no-dither";

    /// <summary>Speaks <paramref name="text"/> with espeak-ng into a WAV file (22 kHz mono). Voices differ by speaker.</summary>
    /// <param name="pitch">espeak-ng's base pitch, 0–99 (its default 50): moves the voice's pitch and nothing else.</param>
    public static string Espeak(string text, string path, string voice = "en-us", int wordsPerMinute = 160, int pitch = 50)
    {
        Run("espeak-ng", "-v", voice, "-s", wordsPerMinute.ToString(CultureInfo.InvariantCulture), "-p", pitch.ToString(CultureInfo.InvariantCulture), "-w", path, text);
        return path;
    }

    /// <summary>Speaks <paramref name="text"/> with flite (voices: kal, kal16, awb, rms, slt) into a WAV file.</summary>
    public static string Flite(string text, string path, string voice = "slt")
    {
        Run("flite", "-voice", voice, "-t", text, "-o", path);
        return path;
    }

    /// <summary>
    /// Near-silence, 16 kHz mono: sox dithers it to ±1 LSB, as a quiet room would be. The diarizer's tests and bench
    /// were calibrated on this; the engine's handling of exact zeros is tested with a file written here.
    /// </summary>
    public static string Silence(double seconds, string path)
    {
        Run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", Seconds(seconds));
        return path;
    }

    /// <summary>Joins the inputs end to end as a 16 kHz mono WAV, whatever their own rates and channels.</summary>
    public static string Concat(string path, IEnumerable<string> inputs)
    {
        var normalised = new List<string>();
        try
        {
            foreach (var input in inputs)
            {
                var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $"part-{Guid.NewGuid():N}.wav");
                Run("sox", NoDither, input, "-r", "16000", "-c", "1", "-b", "16", copy);
                normalised.Add(copy);
            }

            Run("sox", [NoDither, .. normalised, path]);
            return path;
        }
        finally
        {
            normalised.ForEach(File.Delete);
        }
    }

    /// <summary>One channel per input (16 kHz, 16-bit), the shorter ones padded with silence.</summary>
    public static string Channels(string path, IEnumerable<string> inputs)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var mono = inputs.Select(input => Concat(Path.Combine(folder, $"channel-{Guid.NewGuid():N}.wav"), [input])).ToList();
        try
        {
            Run("sox", [NoDither, "-M", .. mono, path]);
            return path;
        }
        finally
        {
            mono.ForEach(File.Delete);
        }
    }

    /// <summary>A sawtooth wave (every harmonic, as voiced speech has), or white noise for <c>whitenoise</c>, 16 kHz mono.</summary>
    public static string Synth(string wave, double hertz, double seconds, string path)
    {
        Run("sox", NoDither, "-n", "-r", "16000", "-c", "1", "-b", "16", path, "synth", Seconds(seconds), wave, Seconds(hertz), "vol", "0.3");
        return path;
    }

    /// <summary>A tone gliding from 100 Hz up by 13 Hz a second, its loudness swelling and fading every 5 s: no speech, but loud throughout.</summary>
    public static string ToneSweep(double seconds, string path)
    {
        Run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", FormattableString.Invariant($"aevalsrc=0.5*sin(2*PI*(100*t+6.5*t*t))*(0.6+0.4*sin(2*PI*0.2*t)):s=16000:d={seconds}"), "-ac", "1", path);
        return path;
    }

    /// <summary>Re-encodes with ffmpeg; the output's extension picks the container, <paramref name="options"/> the rest.</summary>
    public static string Convert(string input, string output, params string[] options)
    {
        Run("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", input, .. options, output]);
        return output;
    }

    /// <summary>A video (a plain colour picture) with <paramref name="audio"/> as its sound track.</summary>
    public static string VideoWithAudio(string audio, string output, params string[] options)
    {
        Run("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "color=c=navy:s=160x120:r=10", "-i", audio, "-shortest", .. options, output]);
        return output;
    }

    /// <summary>A video with no sound track at all.</summary>
    public static string SilentVideo(double seconds, string output)
    {
        Run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"color=c=navy:s=160x120:r=10:d={Seconds(seconds)}", output);
        return output;
    }

    public static double DurationSeconds(string path) =>
        double.Parse(RunForOutput("soxi", "-D", path), CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Run(string fileName, params string[] arguments) => RunForOutput(fileName, arguments);

    private static string RunForOutput(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return output.Trim();
    }
}

/// <summary>A fresh directory under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("verbatim-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
