using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebApp.Transcription.Formatting;

/// <summary>Reads custom_spelling as AssemblyAI sends it: [{"from": ["dicarlo"], "to": "Decarlo"}, …].</summary>
public static class CustomSpellingReader
{
    /// <returns>The spellings, or an error naming what is wrong, worded for the API's 400 answer.</returns>
    public static (IReadOnlyList<CustomSpelling> Spellings, string? Error) Read(JsonArray? array)
    {
        var spellings = new List<CustomSpelling>();
        foreach (var item in array ?? [])
        {
            if (item is not JsonObject entry
                || entry["from"] is not JsonArray from
                || entry["to"] is not JsonValue to || to.GetValueKind() != JsonValueKind.String
                || from.Any(word => word is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
            {
                return ([], "custom_spelling must be an array of objects with \"from\" (an array of strings) and \"to\" (a string).");
            }

            var words = from.Select(word => word!.GetValue<string>()).Where(word => !string.IsNullOrWhiteSpace(word)).ToList();
            var replacement = to.GetValue<string>();
            if (words.Count == 0 || string.IsNullOrWhiteSpace(replacement))
            {
                return ([], "custom_spelling entries need at least one non-empty \"from\" and a non-empty \"to\".");
            }

            spellings.Add(new CustomSpelling(words, replacement));
        }

        return (spellings, null);
    }
}
