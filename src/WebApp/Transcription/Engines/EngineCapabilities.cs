using WebApp.Transcription.Audio;

namespace WebApp.Transcription.Engines;

/// <summary>
/// What one engine can do. Request validation and speech_models routing read these, never a list of their own: an
/// option no installed engine can honour is a 400 that says so.
/// </summary>
public sealed record EngineCapabilities
{
    /// <summary>The base language codes it transcribes ("en", "de", …).</summary>
    public required IReadOnlySet<string> Languages { get; init; }

    /// <summary>It identifies which of <see cref="Languages"/> is spoken (language_detection with a real answer).</summary>
    public bool IdentifiesLanguage { get; init; }

    /// <summary>keyterms_prompt biases its recognition.</summary>
    public bool Keyterms { get; init; }

    /// <summary>
    /// prompt (text the model continues from, as context) and temperature (how much randomness its decoding samples
    /// with): the settings of a model that writes text token by token.
    /// </summary>
    public bool PromptAndTemperature { get; init; }

    /// <summary>multichannel: each channel recognised on its own.</summary>
    public bool Channels { get; init; }

    /// <summary>It can recognise a live stream as it arrives (the v3 streaming API).</summary>
    public bool Streaming { get; init; }

    /// <summary>Its words come punctuated, cased and with numbers written (whisper), so the English formatting rules are not applied again.</summary>
    public bool WritesFormattedText { get; init; }

    /// <summary>Every word carries its own start and end time (needed for speakers, captions, the reader).</summary>
    public bool WordTimings { get; init; } = true;

    /// <summary>Why it cannot run at all now (a damaged model file), or null. Routing passes such an engine by.</summary>
    public string? Unusable { get; init; }

    /// <summary>One line for people choosing a model: how fast and how accurate, measured here where we could.</summary>
    public string Summary { get; init; } = "";

    /// <summary>Rough relative accuracy for routing (higher is better); pocketsphinx is 1.</summary>
    public int AccuracyRank { get; init; }
}
