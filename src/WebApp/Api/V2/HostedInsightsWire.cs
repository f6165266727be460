using System.Text.Json.Nodes;
using WebApp.Transcription.Insights;

namespace WebApp.Api.V2;

/// <summary>
/// AssemblyAI's shapes of chapters, content_safety_labels and iab_categories_result, to and from the pipeline's
/// <see cref="HostedInsights"/>: read from a remote region's answer, written into ours.
/// </summary>
public static class HostedInsightsWire
{
    public static JsonArray ChaptersToWire(IReadOnlyList<Chapter> chapters) =>
        [.. chapters.Select(c => new JsonObject { ["gist"] = c.Gist, ["headline"] = c.Headline, ["summary"] = c.Summary, ["start"] = c.Start, ["end"] = c.End })];

    public static IReadOnlyList<Chapter>? ChaptersFromWire(JsonArray? chapters) => chapters?.OfType<JsonObject>().Select(c => new Chapter(
        Text(c, "gist"), Text(c, "headline"), Text(c, "summary"), Int(c, "start"), Int(c, "end"))).ToList();

    /// <param name="safety">True for content_safety_labels (confidence and severity), false for iab_categories_result (relevance).</param>
    public static JsonObject SectionsToWire(LabelledSections sections, bool safety)
    {
        var wire = new JsonObject
        {
            ["status"] = sections.Status,
            ["results"] = new JsonArray([.. sections.Results.Select(r =>
            {
                var result = new JsonObject
                {
                    ["text"] = r.Text,
                    ["labels"] = new JsonArray([.. r.Labels.Select(l => safety
                        ? new JsonObject { ["label"] = l.Label, ["confidence"] = l.Score, ["severity"] = l.Severity }
                        : new JsonObject { ["relevance"] = l.Score, ["label"] = l.Label })]),
                    ["timestamp"] = new JsonObject { ["start"] = r.Start, ["end"] = r.End },
                };
                if (safety)
                {
                    result["sentences_idx_start"] = r.SentencesIdxStart;
                    result["sentences_idx_end"] = r.SentencesIdxEnd;
                }

                return result;
            })]),
            ["summary"] = new JsonObject(sections.Summary.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        };
        if (safety)
        {
            wire["severity_score_summary"] = new JsonObject((sections.SeveritySummary ?? new Dictionary<string, SeverityShares>()).Select(s =>
                KeyValuePair.Create(s.Key, (JsonNode?)new JsonObject { ["low"] = s.Value.Low, ["medium"] = s.Value.Medium, ["high"] = s.Value.High })));
        }

        return wire;
    }

    public static LabelledSections? SectionsFromWire(JsonObject? wire, bool safety)
    {
        if (wire is null)
        {
            return null;
        }

        var results = (wire["results"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new LabelledSection(
            Text(r, "text"),
            [.. (r["labels"] as JsonArray ?? []).OfType<JsonObject>().Select(l => new SectionLabel(
                Text(l, "label"), Number(l, safety ? "confidence" : "relevance") ?? 0, safety ? Number(l, "severity") : null))],
            Int(r["timestamp"] as JsonObject, "start"),
            Int(r["timestamp"] as JsonObject, "end"),
            safety ? (int?)Number(r, "sentences_idx_start") : null,
            safety ? (int?)Number(r, "sentences_idx_end") : null)).ToList();
        var summary = (wire["summary"] as JsonObject ?? []).ToDictionary(s => s.Key, s => Number(s.Value) ?? 0);
        var severity = safety
            ? (wire["severity_score_summary"] as JsonObject ?? []).ToDictionary(s => s.Key, s => s.Value is JsonObject shares
                ? new SeverityShares(Number(shares, "low") ?? 0, Number(shares, "medium") ?? 0, Number(shares, "high") ?? 0)
                : new SeverityShares(0, 0, 0))
            : null;
        return new LabelledSections(Text(wire, "status"), results, summary, severity);
    }

    private static string Text(JsonObject? o, string name) => o?[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? o[name]!.GetValue<string>() : "";

    private static int Int(JsonObject? o, string name) => (int)(Number(o, name) ?? 0);

    private static double? Number(JsonObject? o, string name) => Number(o?[name]);

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? value.GetValue<double>() : null;
}
