namespace WebApp.Transcription.Formatting;

/// <summary>
/// Masks strong profanity as AssemblyAI does, keeping the first letter: "shit" → "s***". The list is short on
/// purpose: mild words ("damn", "hell", "crap") and words with innocent meanings ("ass", "cock" as in rooster) stay.
/// </summary>
internal static class ProfanityFilter
{
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(
    [
        "fuck", "fucks", "fucked", "fucking", "fucker", "fuckers", "motherfucker", "motherfuckers", "motherfucking",
        "shit", "shits", "shitty", "bullshit", "horseshit", "bitch", "bitches", "bastard", "bastards",
        "asshole", "assholes", "cunt", "cunts", "dickhead", "dickheads", "pussy", "whore", "whores",
        "slut", "sluts", "twat", "wanker", "goddamn", "goddamned", "dumbass", "jackass",
    ], StringComparer.Ordinal);

    public static List<Token> Apply(IReadOnlyList<Token> tokens) =>
        [.. tokens.Select(token => Words.Contains(token.Lower) ? token with { Text = Mask(token.Text) } : token)];

    private static string Mask(string word) => word[0] + new string('*', word.Length - 1);
}
