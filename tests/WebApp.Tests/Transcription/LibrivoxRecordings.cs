namespace WebApp.Tests.Transcription;

/// <summary>Longer recordings made from <see cref="LibrivoxClips"/>, for tests and the benchmark.</summary>
public static class LibrivoxRecordings
{
    private static readonly double[] PauseSeconds = [0.3, 0.8, 0.5, 1.0, 0.4, 0.6];

    /// <summary>
    /// The clips <paramref name="repeats"/> times over, each round in a different (but fixed) order, with pauses of
    /// 0.3–1 s between clips, as a 16 kHz mono WAV at <paramref name="path"/>.
    /// </summary>
    public static TranscribedClip Concatenate(string path, int repeats)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var pauses = PauseSeconds.Select(seconds => TestAudio.Silence(seconds, Path.Combine(directory, $"pause-{seconds:0.0}-{Guid.NewGuid():N}.wav"))).ToArray();
        try
        {
            var random = new Random(7);
            var parts = new List<string>();
            var transcript = new List<string>();
            var pause = 0;
            for (var round = 0; round < repeats; round++)
            {
                foreach (var clip in LibrivoxClips.All.OrderBy(_ => random.Next()))
                {
                    parts.Add(clip.Path);
                    parts.Add(pauses[pause++ % pauses.Length]);
                    transcript.Add(clip.Transcript);
                }
            }

            return new TranscribedClip(TestAudio.Concat(path, parts), string.Join(' ', transcript));
        }
        finally
        {
            foreach (var pauseFile in pauses)
            {
                File.Delete(pauseFile);
            }
        }
    }
}
