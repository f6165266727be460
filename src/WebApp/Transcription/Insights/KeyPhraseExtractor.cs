using System.Text.Json.Serialization;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Insights;

/// <summary>A key phrase of the transcript and where it is said.</summary>
/// <param name="Text">As first said, lower case, without punctuation ("air quality alerts").</param>
/// <param name="Rank">Its share of the RAKE scores of all phrases returned, in [0, 1]; greater is more relevant.</param>
public sealed record KeyPhrase(string Text, double Rank, IReadOnlyList<PhraseTime> Occurrences)
{
    [JsonIgnore]
    public int Count => Occurrences.Count;
}

/// <summary>When one occurrence of a phrase is said, in milliseconds.</summary>
public readonly record struct PhraseTime(int Start, int End);

/// <summary>
/// auto_highlights by RAKE (Rose, Engel, Cramer and Cowley, "Automatic keyword extraction from individual documents",
/// 2010): candidate phrases are the runs of words between stopwords and punctuation; each word scores its degree
/// (how many words it shares phrases with, itself included) over its frequency; a phrase scores the sum of its
/// words. Phrases said several times are one highlight with each time it was said. English only.
/// </summary>
public static class KeyPhraseExtractor
{
    /// <summary>Longer runs are usually a clause the stopword list failed to break, not a key phrase.</summary>
    private const int LongestPhraseWords = 4;

    /// <summary>At most this many highlights; RAKE's authors keep a third of the content words, this caps long transcripts.</summary>
    private const int MostPhrases = 20;

    public static IReadOnlyList<KeyPhrase> Extract(IReadOnlyList<Word> words)
    {
        var candidates = Candidates(words).Where(c => c.Words.Count <= LongestPhraseWords).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            foreach (var word in candidate.Words)
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
                degree[word] = degree.GetValueOrDefault(word) + candidate.Words.Count;
            }
        }

        var phrases = candidates.GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(group => (Text: group.Key, Score: group.First().Words.Sum(w => (double)degree[w] / frequency[w]),
                Times: group.Select(c => c.Time).ToList()))
            // A phrase said more than once matters more than its words alone say: order by score, then by count.
            .OrderByDescending(p => p.Score).ThenByDescending(p => p.Times.Count).ThenBy(p => p.Times[0].Start)
            .Take(Math.Min(MostPhrases, Math.Max(1, frequency.Count / 3)))
            .ToList();
        var total = phrases.Sum(p => p.Score);
        return [.. phrases.Select(p => new KeyPhrase(p.Text, Math.Round(p.Score / total, 4), p.Times))];
    }

    private sealed record Candidate(IReadOnlyList<string> Words, PhraseTime Time)
    {
        public string Key => string.Join(' ', Words);
    }

    /// <summary>Runs of content words; a stopword, sentence or clause punctuation, or a speaker change ends a run.</summary>
    private static IEnumerable<Candidate> Candidates(IReadOnlyList<Word> words)
    {
        var run = new List<string>();
        var start = 0;
        var end = 0;
        string? speaker = null;
        foreach (var word in words)
        {
            var token = Normalise(word.Text);
            // Letters only: numbers, and redacted words ("####", "[PERSON_NAME]"), are never highlights.
            var content = token.Length > 1 && token.All(c => char.IsLetter(c) || c is '\'' or '-' or '.') && !Stopwords.Contains(token);
            if (run.Count > 0 && (!content || word.Speaker != speaker))
            {
                yield return new Candidate(run, new PhraseTime(start, end));
                run = [];
            }

            if (content)
            {
                if (run.Count == 0)
                {
                    (start, speaker) = (word.Start, word.Speaker);
                }

                run.Add(token);
                end = word.End;
                if (EndsClause(word.Text))
                {
                    yield return new Candidate(run, new PhraseTime(start, end));
                    run = [];
                }
            }
        }

        if (run.Count > 0)
        {
            yield return new Candidate(run, new PhraseTime(start, end));
        }
    }

    private static bool EndsClause(string text) => text.Length > 0 && text[^1] is '.' or ',' or '?' or '!' or ';' or ':';

    /// <summary>Lower case, without surrounding punctuation; "U.S." stays "u.s", "don't" stays "don't".</summary>
    private static string Normalise(string text) => text.Trim().Trim('.', ',', '?', '!', ';', ':', '"', '(', ')', '[', ']').ToLowerInvariant();

    /// <summary>Function words and the fillers and vague words of speech, which are never key phrases.</summary>
    private static readonly HashSet<string> Stopwords = new(
        """
        a about above after again against all also am an and any are aren't as at be because been before being below
        between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
        for from further get gets getting got had hadn't has hasn't have haven't having he he'd he'll he's her here
        here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just
        let's like me might more most mustn't my myself no nor not now of off on once one only or other ought our ours
        ourselves out over own really same say said says see shan't she she'd she'll she's should shouldn't so some
        still such than that that's the their theirs them themselves then there there's these they they'd they'll
        they're they've thing things think this those through to too under until up upon us very was wasn't we we'd
        we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's will
        with won't would wouldn't yes yeah yep you you'd you'll you're you've your yours yourself yourselves
        um uh uhm mm hmm oh okay ok well actually basically right know mean going gonna wanna kind sort lot lots maybe
        pretty quite much many every even back way make made take go went come came want need look put tell told
        something anything everything nothing someone anyone everyone always never often sometimes already yet ever
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);
}
