namespace WebApp.Transcription.Engines;

/// <summary>Settings under "Verbatim:Engines": which installed engine serves each of AssemblyAI's model names.</summary>
public sealed class SpeechModelOptions
{
    public const string Section = "Verbatim:Engines";

    /// <summary>
    /// AssemblyAI model name → installed engine names to try in order; <c>*</c> ends a prefix ("whisper-small*" is
    /// whisper-small and whisper-small.en). A name set here replaces its default (<see cref="DefaultAliases"/>).
    /// </summary>
    public Dictionary<string, List<string>> Aliases { get; set; } = [];

    /// <summary>What a request that names no model asks for. Empty means <see cref="DefaultSpeechModel"/>.</summary>
    public List<string> DefaultSpeechModels { get; set; } = [];

    public const string DefaultSpeechModel = "universal";

    private static readonly IReadOnlyList<string> MostAccurateFirst =
    [
        "whisper-large-v3-turbo", "whisper-large*", "whisper-medium*", "whisper-small*", "whisper-base*", "whisper-tiny*", "pocketsphinx-en-us",
    ];

    /// <summary>
    /// AssemblyAI's names, each served by the most accurate engine installed that can do what the request asks;
    /// pocketsphinx, always installed, is the last resort. "nano", AssemblyAI's cheap tier, prefers the fastest.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultAliases { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["universal-3-pro"] = MostAccurateFirst,
        ["slam-1"] = MostAccurateFirst,
        ["best"] = MostAccurateFirst,
        ["universal"] = MostAccurateFirst,
        ["universal-2"] = MostAccurateFirst,
        ["nano"] = ["pocketsphinx-en-us", "whisper-tiny*", "whisper-base*", "whisper-small*", "whisper-medium*", "whisper-large-v3-turbo", "whisper-large*"],
    };

    public IReadOnlyDictionary<string, IReadOnlyList<string>> EffectiveAliases()
    {
        var aliases = DefaultAliases.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        foreach (var (name, engines) in Aliases)
        {
            aliases[name] = engines;
        }

        return aliases;
    }

    public IReadOnlyList<string> EffectiveDefault() => DefaultSpeechModels.Count > 0 ? DefaultSpeechModels : [DefaultSpeechModel];
}
