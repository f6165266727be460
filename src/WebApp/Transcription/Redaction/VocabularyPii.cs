namespace WebApp.Transcription.Redaction;

/// <summary>
/// Policies that are a closed vocabulary: events, religions, political affiliations, zodiac signs, marital status,
/// occupations, nationalities, languages, gender and sexuality. A word that is both a nationality and a language
/// ("French") is a language after "speak", "in", "fluent" and the like, otherwise a nationality.
/// </summary>
internal static class VocabularyPii
{
    private static readonly IReadOnlySet<string> PoliticalNeedingCue = new HashSet<string>(
        ["conservative", "conservatives", "liberal", "liberals", "progressive", "progressives"], StringComparer.Ordinal);

    private static readonly WordPhrases PersonCues = new(
        ["i'm", "i am", "he's", "she's", "we're", "they're", "is", "are", "was", "were", "registered", "lifelong", "staunch", "fellow", "as a"]);

    private static readonly IReadOnlySet<string> LanguageNouns = new HashSet<string>(
        ["language", "speaker", "speakers", "class", "classes", "lessons", "teacher", "translation", "translator"], StringComparer.Ordinal);

    public static IEnumerable<PiiMatch> Find(RedactionView view) =>
        LexiconScan.Find(view, Vocabularies.Events, PiiPolicy.Event, PiiPriority.Lexicon)
            .Concat(LexiconScan.Find(view, Vocabularies.Religions, PiiPolicy.Religion, PiiPriority.Lexicon))
            .Concat(LexiconScan.Find(view, Vocabularies.PoliticalAffiliations, PiiPolicy.PoliticalAffiliation, PiiPriority.Lexicon, Political))
            .Concat(LexiconScan.Find(view, Vocabularies.ZodiacSigns, PiiPolicy.ZodiacSign, PiiPriority.CuedLexicon, Zodiac))
            .Concat(LexiconScan.Find(view, Vocabularies.MaritalStatuses, PiiPolicy.MaritalStatus, PiiPriority.Lexicon, Marital))
            .Concat(LexiconScan.Find(view, Vocabularies.Occupations, PiiPolicy.Occupation, PiiPriority.Lexicon))
            .Concat(LexiconScan.Find(view, Vocabularies.Languages, PiiPolicy.Language, PiiPriority.Lexicon, IsLanguage))
            .Concat(LexiconScan.Find(view, Vocabularies.Nationalities, PiiPolicy.Nationality, PiiPriority.Lexicon, (v, i, length) => !IsLanguage(v, i, length)))
            .Concat(LexiconScan.Find(view, Vocabularies.GenderSexuality, PiiPolicy.GenderSexuality, PiiPriority.Lexicon));

    private static bool Political(RedactionView view, int i, int length) =>
        length > 1 || !PoliticalNeedingCue.Contains(view[i]) || PersonCues.EndsBefore(view, i, 2);

    private static bool Zodiac(RedactionView view, int i, int length) =>
        length > 1 || !Vocabularies.ZodiacNeedingCue.Contains(view[i]) || Vocabularies.ZodiacCues.EndsBefore(view, i, 3) || view[i + 1] == "sign";

    private static bool Marital(RedactionView view, int i, int length) =>
        length > 1 || !Vocabularies.MaritalNeedingCue.Contains(view[i]) || Vocabularies.MaritalCues.EndsBefore(view, i, 2);

    /// <summary>Only-language words ("Mandarin") always; shared words ("French") when speaking is the subject.</summary>
    private static bool IsLanguage(RedactionView view, int i, int length) =>
        Vocabularies.Languages.MatchAt(view, i) == length
        && (Vocabularies.Nationalities.MatchAt(view, i) == 0 || Vocabularies.LanguageCues.EndsBefore(view, i, 2) || LanguageNouns.Contains(view[i + length]));
}
