using System.Text.RegularExpressions;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Adjacent words made only of digits and hyphens ("415-555-1234", or "4111 1111 1111 1111" said with pauses),
/// read as one string of digits. Runs cross pauses and sentence ends: people pause while reading out numbers.
/// </summary>
internal sealed partial record DigitRun(int First, int Last, string Digits, string Written)
{
    public int TokenCount => Last - First + 1;

    public static List<DigitRun> In(RedactionView view)
    {
        var runs = new List<DigitRun>();
        var i = 0;
        while (i < view.Count)
        {
            if (!IsDigitWord(view[i]))
            {
                i++;
                continue;
            }

            var first = i;
            while (IsDigitWord(view[i + 1]))
            {
                i++;
            }

            runs.Add(Of(view, first, i));
            i++;
        }

        return runs;
    }

    /// <summary>Every stretch of consecutive words inside the run, longest first, the run itself included.</summary>
    public IEnumerable<DigitRun> Stretches(RedactionView view)
    {
        for (var length = TokenCount; length >= 1; length--)
        {
            for (var first = First; first + length - 1 <= Last; first++)
            {
                yield return Of(view, first, first + length - 1);
            }
        }
    }

    private static DigitRun Of(RedactionView view, int first, int last)
    {
        var words = Enumerable.Range(first, last - first + 1).Select(k => view[k]).ToList();
        return new DigitRun(first, last, string.Concat(words.SelectMany(w => w.Where(char.IsAsciiDigit))), string.Join(' ', words));
    }

    private static bool IsDigitWord(string word) => DigitsAndHyphens().IsMatch(word);

    [GeneratedRegex(@"^\+?\d[\d-]*$")]
    private static partial Regex DigitsAndHyphens();
}
