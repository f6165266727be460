using System.Text.RegularExpressions;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Person names, from two kinds of evidence. A cue ("my name is", "call me", "mister", "doctor") takes the next one
/// to three words that are not common English words, so unlisted names are found too. Without a cue, only listed
/// names count: a first name that is not also an everyday word, with the surname after it, or a listed surname.
/// The recognizer gives no capitals, so an unlisted name without a cue is missed.
/// </summary>
internal static partial class PersonNamePii
{
    private const int FullNamePriority = PiiPriority.CuedName - 3;

    private static readonly WordPhrases Introductions = new(
        ["my name is", "name is", "name's", "names are", "call me", "i'm called", "i am called", "known as", "named"]);

    private static readonly IReadOnlySet<string> Titles = new HashSet<string>(
    [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mister", "missus", "dr", "dr.", "doctor", "professor",
        "officer", "detective", "sergeant", "captain", "judge", "reverend", "father", "sister", "uncle", "aunt",
        "auntie", "grandma", "grandpa", "coach", "nurse", "senator", "governor", "president",
    ], StringComparer.Ordinal);

    private static readonly WordPhrases Greetings = new(["hi", "hello", "hey", "thanks", "thank you", "dear", "bye", "goodbye", "morning"]);

    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        var i = 0;
        while (i < view.Count)
        {
            var match = AfterCue(view, i) ?? Listed(view, i);
            if (match is { } found)
            {
                yield return found;
                i = found.Last + 1;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// After an introduction or a title any uncommon word is a name; after a greeting only a listed one, though it may
    /// also be a word ("hello Grace").
    /// </summary>
    private static PiiMatch? AfterCue(RedactionView view, int i)
    {
        var afterTitle = Titles.Contains(view[i - 1]);
        var strong = afterTitle || (Introductions.EndsBefore(view, i, 1) && !view.PauseAfter(i - 1));
        var greeted = Greetings.EndsBefore(view, i, 1);
        // "Ms Park", "Mr Green": after a title a listed surname counts even when it is also a word.
        var titledSurname = afterTitle && PersonNames.IsSurname(view.Bare(i));
        if (!(strong || greeted) || !(titledSurname || IsNameWord(view, i, unlisted: strong)))
        {
            return null;
        }

        return new(PiiPolicy.PersonName, i, Extend(view, i, unlisted: strong), PiiPriority.CuedName);
    }

    private static PiiMatch? Listed(RedactionView view, int i)
    {
        var word = view.Bare(i);
        if (PersonNames.IsFirstName(word))
        {
            // "Will Smith": a first name that is also a common word needs a surname that is not one.
            var last = CommonWords.Contains(word) ? i : Extend(view, i, unlisted: false);
            if (last == i && IsPlainSurname(view, i + 1) && !view.PauseAfter(i))
            {
                last = i + 1;
            }

            if (last > i)
            {
                return new(PiiPolicy.PersonName, i, last, FullNamePriority);
            }

            return PersonNames.IsAlsoAWord(word) ? null : new(PiiPolicy.PersonName, i, i, PiiPriority.ListedName);
        }

        return IsPlainSurname(view, i) ? new(PiiPolicy.PersonName, i, i, PiiPriority.ListedName) : null;
    }

    private static bool IsPlainSurname(RedactionView view, int i) => PersonNames.IsSurname(view.Bare(i)) && !PersonNames.IsAlsoAWord(view.Bare(i));

    /// <summary>The last word of the name starting at <paramref name="first"/>: up to two more listed names, or unlisted words after a strong cue.</summary>
    private static int Extend(RedactionView view, int first, bool unlisted)
    {
        var last = first;
        while (last - first < 2 && !view.PauseAfter(last) && IsNameWord(view, last + 1, unlisted) && (unlisted || IsSurnameOrMiddleName(view, last + 1)))
        {
            last++;
        }

        return last;
    }

    private static bool IsSurnameOrMiddleName(RedactionView view, int i) =>
        PersonNames.IsSurname(view.Bare(i)) || (PersonNames.IsFirstName(view.Bare(i)) && PersonNames.IsSurname(view.Bare(i + 1)));

    private static bool IsNameWord(RedactionView view, int i, bool unlisted)
    {
        var word = view.Bare(i);
        return Letters().IsMatch(word) && !CommonWords.Contains(word) && (unlisted || PersonNames.IsName(word));
    }

    private static bool EndsWith(RedactionView view, int i, string phrase)
    {
        var parts = phrase.Split(' ');
        return parts.Select((part, k) => view[i - parts.Length + k] == part).All(matched => matched);
    }

    [GeneratedRegex(@"^\p{L}[\p{L}'-]*$")]
    private static partial Regex Letters();
}
