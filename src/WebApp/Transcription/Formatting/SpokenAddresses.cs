using System.Text.RegularExpressions;

namespace WebApp.Transcription.Formatting;

/// <summary>
/// "john dot smith at gmail dot com" → "john.smith@gmail.com" and "google dot com" → "google.com". An email needs a
/// cue such as "email" in the words before it, so that "look at google dot com" does not become an address.
/// </summary>
internal static partial class SpokenAddresses
{
    private const int CueDistance = 8;

    private static readonly HashSet<string> TopLevelDomains = new(
        ["com", "org", "net", "edu", "gov", "io", "co", "us", "uk", "ca", "info", "biz", "me", "ai", "app", "dev", "tv"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> EmailCues = new(
        ["email", "e-mail", "mail", "emails", "emailed", "address", "contact", "reach", "write"],
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Joiners = new(StringComparer.Ordinal)
    {
        ["dot"] = ".", ["underscore"] = "_", ["dash"] = "-", ["hyphen"] = "-",
    };

    /// <summary>Words that start sentences, never host names: keeps "the dot com bubble" as it is.</summary>
    private static readonly HashSet<string> NotHostNames = new(
        ["the", "a", "an", "this", "that", "it", "its", "is", "was", "my", "your", "our", "their", "his", "her"],
        StringComparer.Ordinal);

    public static List<Token> Apply(List<Token> tokens)
    {
        var output = new List<Token>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var match = Email(tokens, i) ?? WebAddress(tokens, i);
            if (match is { } found)
            {
                output.Add(Token.Merge(tokens, i, found.To, found.Text));
                i = found.To + 1;
            }
            else
            {
                output.Add(tokens[i]);
                i++;
            }
        }

        return output;
    }

    private static (string Text, int To)? Email(List<Token> tokens, int start)
    {
        if (!HasCueBefore(tokens, start) || Chain(tokens, start, email: true) is not { } local || Lower(tokens, local.To + 1) != "at"
            || !Joined(tokens, local.To, local.To + 1) || Chain(tokens, local.To + 2, email: false) is not { } domain
            || !Joined(tokens, local.To + 1, local.To + 2) || !domain.Text.Contains('.'))
        {
            return null;
        }

        return ($"{local.Text}@{domain.Text}", domain.To);
    }

    private static (string Text, int To)? WebAddress(List<Token> tokens, int start)
    {
        if (NotHostNames.Contains(Lower(tokens, start)) || Chain(tokens, start, email: false) is not { } host
            || !host.Text.Contains('.'))
        {
            return null;
        }

        return host;
    }

    /// <summary>Parts joined by spoken separators; a host name must end in a known top-level domain.</summary>
    private static (string Text, int To)? Chain(List<Token> tokens, int start, bool email)
    {
        if (!IsPart(tokens, start))
        {
            return null;
        }

        var text = Lower(tokens, start);
        var end = start;
        var lastDomainEnd = -1;
        var lastDomainText = "";
        while (Joiners.TryGetValue(Lower(tokens, end + 1), out var joiner) && (email || joiner == ".") && IsPart(tokens, end + 2)
            && Joined(tokens, end, end + 2))
        {
            text += joiner + Lower(tokens, end + 2);
            end += 2;
            if (!email && TopLevelDomains.Contains(Lower(tokens, end)))
            {
                (lastDomainEnd, lastDomainText) = (end, text);
            }
        }

        if (email)
        {
            return (text, end);
        }

        return lastDomainEnd < 0 ? null : (lastDomainText, lastDomainEnd);
    }

    private static bool HasCueBefore(List<Token> tokens, int start)
    {
        for (var i = Math.Max(0, start - CueDistance); i < start; i++)
        {
            if (EmailCues.Contains(tokens[i].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPart(List<Token> tokens, int i) =>
        i >= 0 && i < tokens.Count && tokens[i].Lower is not ("at" or "dot") && !Joiners.ContainsKey(tokens[i].Lower) && Alphanumeric().IsMatch(tokens[i].Text);

    /// <summary>Both words belong to one sentence of one speaker, so an address may span them.</summary>
    private static bool Joined(List<Token> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (i + 1 >= tokens.Count || tokens[i].EndsSentence || !tokens[i].SameVoiceAs(tokens[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Lower(List<Token> tokens, int i) => i >= 0 && i < tokens.Count ? tokens[i].Lower : "";

    [GeneratedRegex(@"^[\p{L}\p{Nd}]+$")]
    private static partial Regex Alphanumeric();
}
