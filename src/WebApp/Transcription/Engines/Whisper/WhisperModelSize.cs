namespace WebApp.Transcription.Engines.Whisper;

/// <summary>
/// What a whisper model of each published size costs, for people choosing one and for the engines' summaries.
/// </summary>
/// <param name="Name">tiny, base, small, medium, large or turbo (large-v3-turbo).</param>
/// <param name="AccuracyRank">For routing, against pocketsphinx's 1.</param>
/// <param name="DiskMegabytes">The f16 file (quantized -q5_0/-q8_0 files are about a third of it).</param>
/// <param name="MemoryMegabytes">Resident memory with the model loaded and one job running.</param>
/// <param name="MemorySource">"measured" (on this 2-core machine) or "cited" (whisper.cpp's README, "Memory usage").</param>
/// <param name="SecondsPerAudioMinute">Wall-clock seconds to transcribe a minute of speech on 2 cores, when known.</param>
/// <param name="SpeedSource">Where <paramref name="SecondsPerAudioMinute"/> comes from, or how speed compares when it is unknown.</param>
public sealed record WhisperModelSize(
    string Name,
    int AccuracyRank,
    int DiskMegabytes,
    int MemoryMegabytes,
    string MemorySource,
    double? SecondsPerAudioMinute,
    string SpeedSource)
{
    /// <summary>
    /// Disk and memory are whisper.cpp's README ("Memory usage", cited; large-v3-turbo is not in it: large's encoder with 4
    /// decoder layers, its file is medium's size, so medium's memory is taken as the estimate). Relative speed is openai/whisper's README (cited;
    /// measured there on a GPU: tiny ~10×, base ~7×, small ~4×, medium ~2×, turbo ~8× the speed of large). No real
    /// weights are reachable on this machine, so no size's accuracy or real speed was measured here; see README.md,
    /// "Whisper models", for what was.
    /// </summary>
    public static IReadOnlyList<WhisperModelSize> Known { get; } =
    [
        new("tiny", 2, 75, 273, "cited", null, "cited: ~10× large's speed (openai/whisper)"),
        new("base", 3, 142, 388, "cited", null, "cited: ~7× large's speed (openai/whisper)"),
        new("small", 4, 466, 852, "cited", null, "cited: ~4× large's speed (openai/whisper)"),
        new("medium", 5, 1536, 2100, "cited", null, "cited: ~2× large's speed (openai/whisper)"),
        new("large", 6, 2970, 3900, "cited", null, "cited: the slowest (openai/whisper)"),
        new("turbo", 6, 1536, 2100, "estimated from its disk size", null, "cited: ~8× large's speed (openai/whisper)"),
    ];

    /// <summary>The size a published model name is of ("small.en" → small, "large-v3-turbo-q5_0" → turbo); null when unknown.</summary>
    public static WhisperModelSize? FromModelName(string modelName)
    {
        var name = modelName.ToLowerInvariant();
        if (name.Contains("turbo", StringComparison.Ordinal))
        {
            return Known[^1];
        }

        var stem = name.Split('.', '-', '_')[0];
        return Known.FirstOrDefault(size => size.Name == stem);
    }

    /// <summary>One line: "small: ~852 MB (cited), ~4× large's speed (cited)".</summary>
    public string Describe() =>
        $"{Name}: ~{MemoryMegabytes} MB memory ({MemorySource}), " +
        (SecondsPerAudioMinute is { } seconds ? $"~{seconds:F0} s per minute of audio on 2 cores ({SpeedSource})" : SpeedSource.Replace("cited: ", "", StringComparison.Ordinal) + " (cited)");
}
