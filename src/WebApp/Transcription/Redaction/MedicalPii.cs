namespace WebApp.Transcription.Redaction;

/// <summary>
/// Health information from word lists: conditions, drugs, procedures, injuries and blood types. Conditions that are
/// also everyday words ("depression", "stroke") need a cue just before them ("diagnosed with", "had a", "my").
/// </summary>
internal static class MedicalPii
{
    private static readonly WordPhrases BloodCues = new(["blood", "blood type", "type"]);

    private static readonly IReadOnlySet<string> BloodGroups = new HashSet<string>(["a", "b", "ab", "o"], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> RhFactors = new HashSet<string>(["positive", "negative", "plus", "minus", "+", "-"], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> Possessives = new HashSet<string>(["my", "his", "her", "their", "your", "a", "the", "both"], StringComparer.Ordinal);

    public static IEnumerable<PiiMatch> Find(RedactionView view) =>
        LexiconScan.Find(view, MedicalTerms.Conditions, PiiPolicy.MedicalCondition, PiiPriority.Lexicon, ConditionMeant)
            .Concat(LexiconScan.Find(view, MedicalTerms.Drugs, PiiPolicy.Drug, PiiPriority.Lexicon))
            .Concat(LexiconScan.Find(view, MedicalTerms.Procedures, PiiPolicy.MedicalProcess, PiiPriority.Lexicon))
            .Concat(LexiconScan.Find(view, MedicalTerms.Injuries, PiiPolicy.Injury, PiiPriority.Lexicon))
            .Concat(InjuredBodyParts(view))
            .Concat(BloodTypes(view));

    private static bool ConditionMeant(RedactionView view, int i, int length) =>
        length > 1 || !MedicalTerms.ConditionsNeedingCue.Contains(view[i]) || MedicalTerms.ConditionCues.EndsBefore(view, i, 3);

    /// <summary>"broke my arm", "a sprained wrist", "torn ligament".</summary>
    private static IEnumerable<PiiMatch> InjuredBodyParts(RedactionView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (!MedicalTerms.InjuryVerbs.Contains(view[i]))
            {
                continue;
            }

            var part = Possessives.Contains(view[i + 1]) ? i + 2 : i + 1;
            if (MedicalTerms.BodyParts.Contains(view[part]))
            {
                yield return new(PiiPolicy.Injury, i, part, PiiPriority.CuedLexicon);
                i = part;
            }
        }
    }

    /// <summary>"O negative", "AB positive", "A plus" after "blood" or "type".</summary>
    private static IEnumerable<PiiMatch> BloodTypes(RedactionView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            var group = BloodGroups.Contains(view[i]) ? i : -1;
            if (view[i] == "a" && view[i + 1] == "b")
            {
                group = i + 1;
            }

            if (group >= 0 && RhFactors.Contains(view[group + 1]) && BloodCues.EndsBefore(view, i, 4))
            {
                yield return new(PiiPolicy.BloodType, i, group + 1, PiiPriority.CuedLexicon);
                i = group + 1;
            }
        }
    }
}
