using WebApp.Transcription.Model;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Finds personal information in a transcript's words and replaces it, as AssemblyAI's redact_pii does. Runs on the
/// formatted words (after <see cref="Formatting.TranscriptFormatter"/>), and also works on unformatted ones, since
/// it reads spoken numbers itself. Rule-based: word lists, cue words, number patterns and checksums, so what it
/// finds is predictable and explainable, and what it misses is mostly what no rule describes (see the README).
/// </summary>
public static class PiiRedactor
{
    private static readonly Func<RedactionView, IEnumerable<PiiMatch>>[] Detectors =
    [
        AddressPii.Find, NumberPii.Find, DatePii.Find, QuantityPii.Find, PersonNamePii.Find, LocationPii.Find,
        OrganizationPii.Find, MedicalPii.Find, VocabularyPii.Find,
    ];

    public static IReadOnlySet<string> SupportedPolicies => PiiPolicy.Supported;

    /// <summary>Redacts the words and lists what was redacted.</summary>
    /// <exception cref="ArgumentException">A policy is not in <see cref="SupportedPolicies"/>: redacting less than asked would leak.</exception>
    public static PiiRedactionResult Redact(IReadOnlyList<Word> words, IReadOnlyCollection<string> policies, PiiSubstitution substitution)
    {
        var found = Find(words, policies);
        return new PiiRedactionResult(PiiSubstituter.Replace(words, found, substitution), [.. found.Select(entity => entity.Entity)]);
    }

    /// <summary>What <see cref="Redact"/> would replace, without replacing it.</summary>
    public static IReadOnlyList<PiiEntity> Detect(IReadOnlyList<Word> words, IReadOnlyCollection<string> policies) =>
        [.. Find(words, policies).Select(entity => entity.Entity)];

    private static List<FoundEntity> Find(IReadOnlyList<Word> words, IReadOnlyCollection<string> policies)
    {
        var unsupported = policies.Where(policy => !PiiPolicy.Supported.Contains(policy)).ToList();
        if (unsupported.Count > 0)
        {
            throw new ArgumentException($"Unsupported PII policies: {string.Join(", ", unsupported)}.", nameof(policies));
        }

        var view = RedactionView.Of(words);
        var wanted = new HashSet<string>(policies, StringComparer.Ordinal);
        var claims = Detectors.SelectMany(detect => detect(view))
            .Select(match => ReportedAs(match, wanted))
            .Where(match => wanted.Contains(match.Policy));
        return [.. Resolve(claims).Select(match => FoundEntity.Of(words, view, match))];
    }

    /// <summary>A date of birth is still a date: asked only for dates, it is redacted as one.</summary>
    private static PiiMatch ReportedAs(PiiMatch match, HashSet<string> wanted) =>
        match.Policy == PiiPolicy.DateOfBirth && !wanted.Contains(PiiPolicy.DateOfBirth) ? match with { Policy = PiiPolicy.Date } : match;

    /// <summary>Keeps the strongest claim where claims overlap, then returns them in transcript order.</summary>
    private static IEnumerable<PiiMatch> Resolve(IEnumerable<PiiMatch> claims)
    {
        var kept = new List<PiiMatch>();
        foreach (var claim in claims.OrderByDescending(c => c.Priority).ThenByDescending(c => c.Length).ThenBy(c => c.First))
        {
            if (!kept.Any(claim.Overlaps))
            {
                kept.Add(claim);
            }
        }

        return kept.OrderBy(c => c.First);
    }
}
