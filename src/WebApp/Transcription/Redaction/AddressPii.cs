using System.Text.RegularExpressions;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Email and web addresses. The formatter writes a spoken email as one only after a cue ("my email is…"); without
/// one it leaves "jane at example.org", which is still found here as an email unless the word before "at" is a
/// common word ("look at google.com").
/// </summary>
internal static partial class AddressPii
{
    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (Email().IsMatch(view[i]))
            {
                yield return new(PiiPolicy.EmailAddress, i, i, PiiPriority.WrittenAddress);
            }
            else if (LocalPart().IsMatch(view[i]) && !CommonWords.Contains(view[i]) && view[i + 1] == "at" && Host().IsMatch(view[i + 2]))
            {
                yield return new(PiiPolicy.EmailAddress, i, i + 2, PiiPriority.WrittenAddress);
                i += 2;
            }
            else if (Host().IsMatch(view[i]) || Url().IsMatch(view[i]))
            {
                yield return new(PiiPolicy.Url, i, i, PiiPriority.WrittenAddress - 5);
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[a-z0-9._-]+$")]
    private static partial Regex LocalPart();

    /// <summary>A host name ending in a common top-level domain, as the formatter writes "example dot com".</summary>
    [GeneratedRegex(@"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|edu|gov|io|co|us|uk|ca|info|biz|me|ai|app|dev|tv)$")]
    private static partial Regex Host();

    [GeneratedRegex(@"^(https?://|www\.)\S+$")]
    private static partial Regex Url();
}
