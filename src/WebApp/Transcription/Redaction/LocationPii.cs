using System.Text.RegularExpressions;
using WebApp.Transcription.Formatting;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Places: street addresses ("123 Main Street", "42 Park Avenue apartment 5"), roads ("route 66"), listed states,
/// cities, countries and continents, and ZIP codes after a place or "zip code". A street without a house number
/// counts only for "street", "avenue" and "boulevard", so "the long road" and "one way" stay.
/// </summary>
internal static partial class LocationPii
{
    private static readonly IReadOnlySet<string> StreetSuffixes = new HashSet<string>(
    [
        "street", "st", "st.", "avenue", "ave", "boulevard", "blvd", "road", "rd", "lane", "ln", "drive", "court",
        "way", "place", "parkway", "highway", "circle", "terrace", "trail", "square", "plaza", "alley", "pike",
    ], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> SuffixesWithoutNumber = new HashSet<string>(
        ["street", "st", "st.", "avenue", "ave", "boulevard", "blvd"], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> NotStreetNames = new HashSet<string>(
    [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "my", "your", "our", "their", "his", "her",
        "is", "are", "was", "this", "that", "same", "other", "one",
    ], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> UnitWords = new HashSet<string>(["apartment", "apt", "suite", "unit", "number", "floor"], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> RoadNumberWords = new HashSet<string>(["route", "highway", "interstate", "i"], StringComparer.Ordinal);

    private static readonly WordPhrases ZipCues = new(["zip", "zip code", "zipcode", "postal code", "postcode"]);

    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (StreetAddress(view, i) is { } address)
            {
                yield return new(PiiPolicy.Location, address.First, address.Last, PiiPriority.Address);
                i = address.Last;
            }
            else if (RoadNumberWords.Contains(view[i]) && Digits().IsMatch(view[i + 1]) && (view[i] != "i" || view[i - 1] is "on" or "take" or "the"))
            {
                yield return new(PiiPolicy.Location, i, i + 1, PiiPriority.Address);
                i++;
            }
            else if (Place(view, i) is { } length)
            {
                yield return new(PiiPolicy.Location, i, i + length - 1, PiiPriority.Place + length - 1);
                i += length - 1;
            }
            else if (ZipCode().IsMatch(view[i]) && (ZipCues.EndsBefore(view, i, 3) || Places.Names.EndsBefore(view, i, 2)))
            {
                yield return new(PiiPolicy.Location, i, i, PiiPriority.Address);
            }
        }
    }

    /// <summary>An address whose street name starts at <paramref name="i"/>, or whose house number does.</summary>
    private static (int First, int Last)? StreetAddress(RedactionView view, int i)
    {
        var hasNumber = IsHouseNumber(view[i]);
        var nameStart = hasNumber ? i + 1 : i;
        if (hasNumber && IsHouseNumber(view[nameStart]))
        {
            nameStart++;
        }

        for (var suffix = nameStart + 1; suffix <= nameStart + 3; suffix++)
        {
            if (!IsStreetNameWord(view[suffix - 1], hasNumber) || view.SentenceEndsAfter(suffix - 1))
            {
                return null;
            }

            if (StreetSuffixes.Contains(view[suffix]) && (hasNumber || SuffixesWithoutNumber.Contains(view[suffix])))
            {
                var last = UnitWords.Contains(view[suffix + 1]) && IsHouseNumber(view[suffix + 2]) ? suffix + 2 : suffix;
                return (i, last);
            }
        }

        return null;
    }

    private static int? Place(RedactionView view, int i)
    {
        var length = Places.Names.MatchAt(view, i);
        if (length == 0)
        {
            return null;
        }

        var ambiguous = length == 1 && (Places.NeedsPreposition.Contains(view[i]) || PersonNames.IsFirstName(view[i]));
        return !ambiguous || Places.Prepositions.EndsBefore(view, i, 1) ? length : null;
    }

    /// <summary>"123", or a number the formatter left as a word ("four 50 Main Street").</summary>
    private static bool IsHouseNumber(string word) =>
        HouseNumber().IsMatch(word) || NumberWords.IsUnit(word, out _) || NumberWords.IsTeen(word, out _) || NumberWords.IsTens(word, out _);

    /// <summary>"Main", "Martin Luther King", "5th", "First"; after a house number even common words ("42 Park Avenue").</summary>
    private static bool IsStreetNameWord(string word, bool afterHouseNumber)
    {
        var ordinal = OrdinalDigits().IsMatch(word) || NumberWords.IsOrdinalUnit(word, out _) || NumberWords.IsOrdinalTeenOrTens(word, out _);
        return ordinal || (StreetName().IsMatch(word) && !NotStreetNames.Contains(word) && !StreetSuffixes.Contains(word)
            && (afterHouseNumber || !CommonWords.Contains(word)));
    }

    [GeneratedRegex(@"^\d{1,6}[a-z]?$")]
    private static partial Regex HouseNumber();

    [GeneratedRegex(@"^\p{L}[\p{L}'-]*$")]
    private static partial Regex StreetName();

    [GeneratedRegex(@"^\d+(st|nd|rd|th)$")]
    private static partial Regex OrdinalDigits();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex ZipCode();
}
