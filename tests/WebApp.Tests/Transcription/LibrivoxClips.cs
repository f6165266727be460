namespace WebApp.Tests.Transcription;

/// <summary>A recording of real speech with what was said.</summary>
public sealed record TranscribedClip(string Path, string Transcript);

/// <summary>
/// The five LibriVox clips (Sense and Sensibility, one reader, 24.7 s in all) that Debian's pocketsphinx-testdata
/// ships with their transcripts: real recorded speech for measuring accuracy.
/// </summary>
public static class LibrivoxClips
{
    public const string Directory = "/usr/share/pocketsphinx/test/data/librivox";

    /// <summary>The clips in file order.</summary>
    public static IReadOnlyList<TranscribedClip> All { get; } = Load();

    private static TranscribedClip[] Load()
    {
        // Lines look like "<s> he was not an ill disposed young man </s> (sense_and_sensibility_01_austen_64kb-0880)".
        return File.ReadLines(System.IO.Path.Combine(Directory, "transcription"))
            .Where(line => line.Contains('('))
            .Select(line =>
            {
                var id = line[(line.LastIndexOf('(') + 1)..line.LastIndexOf(')')];
                var words = line[..line.LastIndexOf('(')].Replace("<s>", "").Replace("</s>", "").Trim();
                return new TranscribedClip(System.IO.Path.Combine(Directory, id + ".wav"), words);
            })
            .ToArray();
    }
}
