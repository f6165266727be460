using System.Text.Json;

namespace WebApp.Transcription.Exports;

/// <summary>
/// The names people gave to speaker labels ("A" → "Dana"), stored as JSON in Transcript.SpeakerNamesJson. Words
/// keep their letters, so a rename never touches the recognised words and can be undone by clearing the name.
/// </summary>
public sealed class SpeakerNames
{
    public const int MaxNameLength = 60;

    private readonly Dictionary<string, string> names;

    private SpeakerNames(Dictionary<string, string> names) => this.names = names;

    public static SpeakerNames Empty { get; } = new([]);

    public IReadOnlyDictionary<string, string> All => names;

    /// <summary>Unreadable JSON counts as no names: a display nicety must never break reading a transcript.</summary>
    public static SpeakerNames Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return parsed is null ? Empty : new SpeakerNames(parsed.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary());
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>The name given to <paramref name="label"/>, or "Speaker A" when it has none.</summary>
    public string Display(string label) => names.TryGetValue(label, out var name) ? name : DefaultName(label);

    public static string DefaultName(string label) => $"Speaker {label}";

    public bool IsNamed(string label) => names.ContainsKey(label);

    /// <summary>A copy with <paramref name="label"/> renamed; a blank name (or the default one) removes the name.</summary>
    public SpeakerNames With(string label, string? name)
    {
        var copy = new Dictionary<string, string>(names);
        var cleaned = Clean(name);
        if (cleaned.Length == 0 || cleaned == DefaultName(label))
        {
            copy.Remove(label);
        }
        else
        {
            copy[label] = cleaned;
        }

        return new SpeakerNames(copy);
    }

    /// <summary>The JSON to store; null when no speaker has a name.</summary>
    public string? ToJson() => names.Count == 0 ? null : JsonSerializer.Serialize(names.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());

    /// <summary>One line of visible text: control characters go, runs of white space become one space.</summary>
    public static string Clean(string? text) =>
        string.Join(' ', new string((text ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
