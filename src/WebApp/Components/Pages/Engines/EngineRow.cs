using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.Whisper;

namespace WebApp.Components.Pages.Engines;

/// <summary>One installed engine as the engines page shows it.</summary>
/// <param name="RoutedFrom">AssemblyAI's names that reach this engine for an English request with no other options.</param>
/// <param name="Transcripts">How many transcripts it has made on this server.</param>
public sealed record EngineRow(string Name, string Kind, string Languages, long? FileBytes, bool Loaded, string? Unusable, string Summary,
    IReadOnlyList<string> RoutedFrom, int Transcripts)
{
    public static EngineRow From(ISpeechEngine engine, IReadOnlyList<string> routedFrom, int transcripts)
    {
        var languages = engine.Capabilities.Languages;
        var whisper = engine as WhisperSpeechEngine;
        return new EngineRow(
            engine.Name,
            whisper is null ? "pocketsphinx" : "whisper.cpp",
            languages.Count > 6
                ? $"{languages.Count} languages{(engine.Capabilities.IdentifiesLanguage ? ", identifies which" : "")}"
                : string.Join(", ", languages.Order(StringComparer.Ordinal)),
            whisper?.Model.SizeBytes,
            whisper?.IsLoaded ?? true,
            engine.Capabilities.Unusable,
            engine.Capabilities.Summary,
            routedFrom,
            transcripts);
    }
}
