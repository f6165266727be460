namespace WebApp.Transcription.Formatting;

/// <summary>
/// Turns a sentence's full stop into a question mark when its first words ask: an auxiliary before its subject
/// ("are you coming", "can I help"), a question word before an auxiliary ("where did you go", "how are you"), or
/// "what/which/whose" and a noun before one ("what time is it").
/// Intonation is not available, so "you're coming?" stays a statement. "Had" is left out: "had he known, …" opens
/// a condition far more often than a question.
/// </summary>
internal static class QuestionDetector
{
    private static readonly HashSet<string> Auxiliaries = new(
    [
        "is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "would", "will", "should", "shall",
        "may", "might", "must", "have", "has", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
        "can't", "couldn't", "wouldn't", "won't", "shouldn't", "haven't", "hasn't", "hadn't",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> Subjects = new(
    [
        "i", "you", "he", "she", "it", "we", "they", "there", "this", "that", "these", "those", "anyone", "anybody",
        "someone", "somebody", "everyone", "everybody", "anything", "something", "everything",
    ], StringComparer.Ordinal);

    /// <summary>"Do that again" and "have it your way" are commands: after "do" and "have" only a person is a subject.</summary>
    private static readonly HashSet<string> ThingSubjects = new(
        ["it", "this", "that", "these", "those", "anything", "something", "everything"],
        StringComparer.Ordinal);

    /// <summary>After "is/are/was/were", a noun phrase is a subject too ("is the store open").</summary>
    private static readonly HashSet<string> Determiners = new(["the", "a", "an", "my", "your", "his", "her", "our", "their"], StringComparer.Ordinal);

    private static readonly HashSet<string> QuestionWords = new(["what", "where", "why", "how", "who", "which", "when", "whose"], StringComparer.Ordinal);

    /// <summary>"What's", "how's": already a question word joined to its auxiliary.</summary>
    private static readonly HashSet<string> QuestionContractions = new(
        ["what's", "where's", "who's", "how's", "when's", "why's", "what're", "where're", "who're", "how're"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> HowDegrees = new(["many", "much", "long", "far", "often", "old", "big", "come"], StringComparer.Ordinal);

    public static List<Token> MarkQuestions(IReadOnlyList<Token> tokens)
    {
        var result = tokens.ToList();
        var sentenceStart = 0;
        for (var i = 0; i < result.Count; i++)
        {
            if (!result[i].EndsSentence)
            {
                continue;
            }

            string Word(int k) => sentenceStart + k <= i ? result[sentenceStart + k].Lower : "";
            if (result[i].Break == Break.Period && IsQuestion(Word(0), Word(1), Word(2)))
            {
                result[i] = result[i] with { Break = Break.Question };
            }

            sentenceStart = i + 1;
        }

        return result;
    }

    public static bool IsQuestion(string first, string second, string third)
    {
        if (QuestionContractions.Contains(first) || first == "why")
        {
            return true;
        }

        if (QuestionWords.Contains(first))
        {
            // "What time is it", "which way did they go"; but "what we did was fine" is a statement.
            var askingWhichThing = first is "what" or "which" or "whose" && !Subjects.Contains(second) && Auxiliaries.Contains(third);
            return Auxiliaries.Contains(second) || (first == "how" && HowDegrees.Contains(second)) || askingWhichThing;
        }

        if (!Auxiliaries.Contains(first))
        {
            return false;
        }

        if (first is "do" or "have" && ThingSubjects.Contains(second))
        {
            return false;
        }

        return Subjects.Contains(second) || (first is "is" or "are" or "was" or "were" or "isn't" or "aren't" && Determiners.Contains(second));
    }
}
