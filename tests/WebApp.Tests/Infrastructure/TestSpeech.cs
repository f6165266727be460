using System.Diagnostics;

namespace WebApp.Tests.Infrastructure;

/// <summary>Speech and media files made by the tests themselves (espeak-ng, ffmpeg), in a temp folder.</summary>
public static class TestSpeech
{
    public const string Sentence = "we will go to the park in the afternoon and play football with our friends";

    private static readonly string Folder = Directory.CreateTempSubdirectory("verbatim-test-audio-").FullName;

    /// <summary>A WAV file of <paramref name="text"/> spoken by espeak-ng.</summary>
    public static string Say(string text, string voice = "en-us")
    {
        var path = NewPath(".wav");
        Run("espeak-ng", ["-v", voice, "-s", "140", "-w", path, text]);
        return path;
    }

    /// <summary><paramref name="source"/> converted by ffmpeg to the format its <paramref name="extension"/> names.</summary>
    public static string Convert(string source, string extension, params string[] ffmpegOptions)
    {
        var path = NewPath(extension);
        Run("ffmpeg", ["-v", "error", "-y", "-i", source, .. ffmpegOptions, path]);
        return path;
    }

    /// <summary>Silence, at espeak-ng's sample rate so that it concatenates with its speech.</summary>
    public static string Silence(double seconds)
    {
        var path = NewPath(".wav");
        Run("sox", ["-n", "-r", "22050", "-c", "1", "-b", "16", path, "trim", "0", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return path;
    }

    /// <summary>The files one after another in one WAV (sox).</summary>
    public static string Concat(params string[] files)
    {
        var path = NewPath(".wav");
        Run("sox", [.. files, path]);
        return path;
    }

    /// <summary>Real recorded speech from Debian's pocketsphinx-testdata, with what is said in each clip.</summary>
    public static IReadOnlyList<(string Path, string Text)> LibrivoxClips()
    {
        const string folder = "/usr/share/pocketsphinx/test/data/librivox";
        return File.ReadAllLines(Path.Combine(folder, "transcription"))
            .Where(line => line.Contains('('))
            .Select(line => (Path.Combine(folder, line[(line.LastIndexOf('(') + 1)..line.LastIndexOf(')')] + ".wav"), line[..line.LastIndexOf('(')].Replace("<s>", "").Replace("</s>", "").Trim().ToLowerInvariant()))
            .ToList();
    }

    /// <summary>A file whose bytes are <paramref name="content"/>, under the given name's extension.</summary>
    public static string WriteFile(string extension, byte[] content)
    {
        var path = NewPath(extension);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string NewPath(string extension) => Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);

    private static void Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}
