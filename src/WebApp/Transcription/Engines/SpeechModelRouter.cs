using Microsoft.Extensions.Options;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Engines;

/// <param name="Engine">The engine that will run the job; null when none can.</param>
/// <param name="Error">Why none can, worded for the API's 400 or the job's error.</param>
public sealed record EngineChoice(ISpeechEngine? Engine, string? Error);

/// <summary>
/// speech_models routing, as AssemblyAI documents it: the requested names are tried in priority order; an AssemblyAI
/// name stands for a list of installed engines (<see cref="SpeechModelOptions"/>), an engine's own name for itself.
/// The first engine that is installed and can do everything the request asks (<see cref="EngineCapabilities"/>)
/// runs it; a name nothing installed serves falls through to the next.
/// </summary>
public sealed class SpeechModelRouter(IEnumerable<ISpeechEngineSource> sources, IOptions<SpeechModelOptions> settings)
{
    /// <summary>Every engine installed now, most accurate first.</summary>
    public IReadOnlyList<ISpeechEngine> Installed =>
        [.. sources.SelectMany(source => source.Engines).OrderByDescending(e => e.Capabilities.AccuracyRank).ThenBy(e => e.Name, StringComparer.Ordinal)];

    /// <summary>The names a request may use: AssemblyAI's and the installed engines'.</summary>
    public IReadOnlyList<string> KnownNames => [.. settings.Value.EffectiveAliases().Keys.Order(StringComparer.Ordinal), .. Installed.Select(e => e.Name)];

    public EngineChoice Choose(TranscriptOptions options)
    {
        var requested = options.SpeechModels.Count > 0 ? options.SpeechModels : settings.Value.EffectiveDefault();
        var aliases = settings.Value.EffectiveAliases();
        var installed = Installed;
        if (requested.FirstOrDefault(name => !aliases.ContainsKey(name) && !IsEngineName(name, installed)) is { } unknown)
        {
            return new EngineChoice(null, $"Unknown speech model \"{unknown}\". Supported: {string.Join(", ", KnownNames)}.");
        }

        if (LanguageNobodyServes(options, installed) is { } language)
        {
            return new EngineChoice(null, $"{language} is not supported by the installed speech models: {Describe(installed)}.");
        }

        var unmet = new List<string>();
        foreach (var name in requested)
        {
            foreach (var engine in Candidates(name, aliases, installed))
            {
                if (Shortfall(engine.Capabilities, options) is not { } shortfall)
                {
                    return new EngineChoice(engine, null);
                }

                unmet.Add($"{engine.Name} {shortfall}");
            }
        }

        var why = unmet.Count > 0 ? $" ({string.Join("; ", unmet.Distinct())})" : "";
        return new EngineChoice(null,
            $"No installed speech model can serve speech_models [{string.Join(", ", requested)}] with these options{why}. Installed: {Describe(installed)}.");
    }

    /// <summary>What <paramref name="capabilities"/> cannot do of what <paramref name="options"/> asks, or null.</summary>
    public static string? Shortfall(EngineCapabilities capabilities, TranscriptOptions options)
    {
        if (capabilities.Unusable is { } unusable)
        {
            return $"cannot run: {unusable}";
        }

        if (options.Language.BaseCode is { } language && !capabilities.Languages.Contains(language))
        {
            return $"does not transcribe language_code \"{options.Language.Code}\"";
        }

        if (options.Language.Candidates?.Expected is { } expected
            && expected.Where(code => code != "all").Select(LanguageCodes.Base).FirstOrDefault(code => !capabilities.Languages.Contains(code)) is { } missing)
        {
            return $"does not transcribe \"{missing}\" from expected_languages";
        }

        if (options.Keyterms.Count > 0 && !capabilities.Keyterms)
        {
            return "cannot use keyterms_prompt";
        }

        if ((options.Hosted.Prompt is not null || options.Hosted.Temperature is not null) && !capabilities.PromptAndTemperature)
        {
            return $"cannot use {(options.Hosted.Prompt is not null ? "prompt" : "temperature")}, which whisper models take";
        }

        if (options.Multichannel && !capabilities.Channels)
        {
            return "cannot transcribe channels separately (multichannel)";
        }

        var needsWordTimes = options.Speakers.Label || options.Redaction?.Audio is not null;
        return needsWordTimes && !capabilities.WordTimings ? "gives no word timings (needed by speaker_labels and redact_pii_audio)" : null;
    }

    /// <summary>The language option no installed engine transcribes ("language_code \"de\""), or null.</summary>
    private static string? LanguageNobodyServes(TranscriptOptions options, IReadOnlyList<ISpeechEngine> installed)
    {
        var known = installed.SelectMany(engine => engine.Capabilities.Languages).ToHashSet(StringComparer.Ordinal);
        if (options.Language.BaseCode is { } code && !known.Contains(code))
        {
            return $"language_code \"{options.Language.Code}\"";
        }

        return options.Language.Candidates?.Expected?.FirstOrDefault(code => code != "all" && !known.Contains(LanguageCodes.Base(code))) is { } expected
            ? $"expected_languages \"{expected}\""
            : null;
    }

    private static IEnumerable<ISpeechEngine> Candidates(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> aliases, IReadOnlyList<ISpeechEngine> installed)
    {
        var patterns = aliases.TryGetValue(name, out var list) ? list : [name];
        return patterns.SelectMany(pattern => installed.Where(engine => Matches(pattern, engine.Name)).OrderBy(engine => engine.Name, StringComparer.Ordinal)).Distinct();
    }

    private static bool Matches(string pattern, string engineName) =>
        pattern.EndsWith('*') ? engineName.StartsWith(pattern[..^1], StringComparison.Ordinal) : engineName == pattern;

    /// <summary>An engine's own name, installed or of a family the server knows (so an uninstalled whisper model falls through).</summary>
    private static bool IsEngineName(string name, IReadOnlyList<ISpeechEngine> installed) =>
        installed.Any(engine => engine.Name == name) || name.StartsWith("whisper-", StringComparison.Ordinal) || name.StartsWith("pocketsphinx-", StringComparison.Ordinal);

    private static string Describe(IReadOnlyList<ISpeechEngine> installed) =>
        string.Join(", ", installed.Select(engine => $"{engine.Name} ({string.Join(", ", LanguagesOf(engine))})"));

    private static IEnumerable<string> LanguagesOf(ISpeechEngine engine) =>
        engine.Capabilities.Languages.Count > 6 ? [$"{engine.Capabilities.Languages.Count} languages"] : engine.Capabilities.Languages.Order(StringComparer.Ordinal);
}
