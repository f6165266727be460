using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;

namespace Verbatim.Bench;

/// <summary>
/// Audio intelligence on hand-labelled text written as the formatter writes speech (sentences, no "!"):
/// sentiment_analysis accuracy per label, auto_highlights precision and recall against key phrases a person marked,
/// and entity_detection, which is the PII detectors run for every policy, so the pii section's figures are its figures.
/// The labels were written before looking at the output, and include cases the rules are known to miss (sarcasm,
/// words outside the lexicon), so the figures are not tuned to 100%.
/// </summary>
internal sealed class IntelligenceBench : IBenchSection
{
    public string Name => "intelligence";

    public string Description => "sentiment accuracy and key-phrase precision/recall on labelled sentences; entities via the pii section";

    public Task RunAsync(BenchContext context)
    {
        RunSentiment(Console.Out);
        RunHighlights(Console.Out);
        Console.WriteLine("  entity_detection = PII detectors over every policy:");
        PiiBench.Run(Console.Out);
        return Task.CompletedTask;
    }

    private static void RunSentiment(TextWriter output)
    {
        var results = SentimentSet.Select(item => (item.Text, Gold: item.Label, Found: SentimentAnalyzer.Score(item.Text).Sentiment)).ToList();
        output.WriteLine($"  sentiment: {results.Count} sentences, accuracy {Percent(results.Count(r => r.Gold == r.Found), results.Count)}");
        foreach (var label in Enum.GetValues<Sentiment>())
        {
            var gold = results.Count(r => r.Gold == label);
            var found = results.Count(r => r.Found == label);
            var hits = results.Count(r => r.Gold == label && r.Found == label);
            output.WriteLine($"    {label,-9} labels {gold,3}  precision {Percent(hits, found),6}  recall {Percent(hits, gold),6}");
        }

        foreach (var miss in results.Where(r => r.Gold != r.Found))
        {
            output.WriteLine($"    miss: {miss.Gold} read as {miss.Found}: \"{miss.Text}\"");
        }
    }

    /// <summary>A returned phrase is right when it and a marked phrase share their content (one's words contain the other's).</summary>
    private static void RunHighlights(TextWriter output)
    {
        const int TopK = 5;
        int returned = 0, correct = 0, gold = 0, recalled = 0;
        foreach (var (text, keys) in HighlightSet)
        {
            var words = text.Split(' ').Select((w, i) => new Word(w, i * 400, i * 400 + 350, 0.9)).ToList();
            var top = KeyPhraseExtractor.Extract(words).Take(TopK).Select(p => p.Text).ToList();
            returned += top.Count;
            correct += top.Count(phrase => keys.Any(key => Matches(phrase, key)));
            gold += keys.Length;
            recalled += keys.Count(key => top.Any(phrase => Matches(phrase, key)));
            output.WriteLine($"    top {TopK}: {string.Join(" | ", top)}");
        }

        output.WriteLine($"  highlights: {HighlightSet.Length} passages, {gold} marked phrases; top {TopK} precision {Percent(correct, returned)}, recall {Percent(recalled, gold)}");
    }

    private static bool Matches(string phrase, string key)
    {
        var found = phrase.Split(' ');
        var marked = key.Split(' ');
        return found.All(marked.Contains) || marked.All(found.Contains);
    }

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:F1}%";

    private static readonly (string Text, Sentiment Label)[] SentimentSet =
    [
        ("I really love the new design, it looks great.", Sentiment.Positive),
        ("Thank you so much, that was very helpful.", Sentiment.Positive),
        ("The support team was friendly and fixed it quickly.", Sentiment.Positive),
        ("We are excited about the results this quarter.", Sentiment.Positive),
        ("It was a wonderful trip and the kids had fun.", Sentiment.Positive),
        ("I'm happy with how the meeting went.", Sentiment.Positive),
        ("The old version was slow, but this one is excellent.", Sentiment.Positive),
        ("Honestly the presentation was impressive.", Sentiment.Positive),
        ("That's not bad at all.", Sentiment.Positive),
        ("I would definitely recommend them to a friend.", Sentiment.Positive),
        ("Congratulations on the promotion.", Sentiment.Positive),
        ("The hotel staff went out of their way for us.", Sentiment.Positive),
        ("The delivery was late and the box was damaged.", Sentiment.Negative),
        ("I'm really disappointed with the service.", Sentiment.Negative),
        ("This is the worst experience I have had.", Sentiment.Negative),
        ("The app keeps crashing and nobody will help me.", Sentiment.Negative),
        ("It was not a good idea to launch early.", Sentiment.Negative),
        ("I'm worried that we will lose the contract.", Sentiment.Negative),
        ("The food looked nice, but it tasted awful.", Sentiment.Negative),
        ("We wasted three hours on hold.", Sentiment.Negative),
        ("I hate waiting in these lines.", Sentiment.Negative),
        ("Sadly the project failed.", Sentiment.Negative),
        ("Great, another meeting that could have been an email.", Sentiment.Negative),
        ("The engine made a grinding noise and then stopped.", Sentiment.Negative),
        ("The meeting is at ten in the main office.", Sentiment.Neutral),
        ("Please send me the report by Friday.", Sentiment.Neutral),
        ("We moved the server to the second rack.", Sentiment.Neutral),
        ("The invoice number is on the top right.", Sentiment.Neutral),
        ("Let's go through the agenda.", Sentiment.Neutral),
        ("She said she would call back tomorrow.", Sentiment.Neutral),
        ("The train leaves from platform four.", Sentiment.Neutral),
        ("I need to check the numbers first.", Sentiment.Neutral),
        ("Can you share your screen?", Sentiment.Neutral),
        ("The document has twelve pages.", Sentiment.Neutral),
        ("Next week we will review the budget.", Sentiment.Neutral),
        ("He works in the finance department.", Sentiment.Neutral),
    ];

    private static readonly (string Text, string[] Keys)[] HighlightSet =
    [
        ("Smoke from the wildfires in Canada is causing air quality alerts across the northeast. Health officials say people with heart conditions should stay indoors. The air quality alerts are expected to last until the weekend, and the wildfires are still spreading.",
            ["air quality alerts", "wildfires", "heart conditions", "health officials"]),
        ("Our quarterly revenue grew by twelve percent. Most of the growth came from the cloud storage business. Customer churn went down, and the cloud storage team expects new enterprise contracts next quarter.",
            ["quarterly revenue", "cloud storage", "customer churn", "enterprise contracts"]),
        ("Welcome to the cooking class. Today we are making fresh pasta with a tomato basil sauce. First knead the pasta dough for ten minutes. While the dough rests, start the tomato basil sauce with olive oil and garlic.",
            ["fresh pasta", "tomato basil sauce", "pasta dough", "olive oil"]),
        ("The city council voted to expand the bike lane network downtown. Residents raised concerns about parking spaces on Main Street. The council said the bike lane project will be funded by a federal transportation grant.",
            ["bike lane network", "city council", "parking spaces", "federal transportation grant"]),
        ("Thanks for calling technical support. I understand your wireless router keeps dropping the connection. Let's try a firmware update first. If the wireless router still drops the connection, we will send a replacement unit.",
            ["wireless router", "firmware update", "replacement unit", "technical support"]),
        ("The new vaccine trial enrolled three thousand volunteers. Researchers measured antibody levels after each dose. Early results show strong immune response with mild side effects, and the vaccine trial will continue into the winter.",
            ["vaccine trial", "antibody levels", "immune response", "side effects"]),
    ];
}
