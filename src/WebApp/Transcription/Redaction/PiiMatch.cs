namespace WebApp.Transcription.Redaction;

/// <summary>
/// A detector's claim that view words <see cref="First"/>..<see cref="Last"/> are PII of a policy. Where claims
/// overlap, the higher <see cref="Priority"/> wins, then the longer span: a phone number beats the number sequence
/// inside it, a full date of birth beats a bare date.
/// </summary>
internal readonly record struct PiiMatch(string Policy, int First, int Last, int Priority)
{
    public int Length => Last - First + 1;

    public bool Overlaps(PiiMatch other) => First <= other.Last && other.First <= Last;
}

/// <summary>How strongly each kind of evidence is trusted when claims overlap.</summary>
internal static class PiiPriority
{
    public const int WrittenAddress = 100;
    public const int CheckedNumber = 90;
    public const int CuedNumber = 85;
    public const int PhoneNumber = 80;
    public const int CuedDate = 75;
    public const int Date = 70;
    public const int Quantity = 60;
    public const int CuedName = 55;
    public const int Address = 55;
    public const int Organization = 50;
    public const int Place = 45;
    public const int ListedName = 40;
    public const int Lexicon = 35;
    public const int CuedLexicon = 36;
    public const int Fallback = 10;
}
