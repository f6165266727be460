using System.Text.RegularExpressions;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// PII made of digits: card numbers (Luhn-checked), social security, bank and account numbers, card security codes,
/// phone numbers, and any other run of five or more digits as number_sequence. Bank, account, SSN and CVV numbers
/// look like any other digits, so they need a cue word shortly before them ("routing", "account", "social").
/// </summary>
internal static partial class NumberPii
{
    private const int CueDistance = 8;

    private static readonly WordPhrases SsnCues = new(["social security", "social", "ssn", "s s n", "security number"]);

    private static readonly WordPhrases BankingCues = new(
        ["routing", "bank", "banking", "iban", "swift", "checking", "savings", "sort code", "wire"]);

    private static readonly WordPhrases AccountCues = new(
        ["account", "member", "membership", "policy", "customer", "subscriber", "reference", "id", "i d", "patient"]);

    private static readonly WordPhrases CvvCues = new(
        ["cvv", "cvc", "c v v", "c v c", "security code", "verification code", "back of the card", "digit code"]);

    private static readonly WordPhrases PhoneCues = new(
        ["phone", "number", "call", "cell", "mobile", "telephone", "fax", "reach", "text", "dial"]);

    public static IEnumerable<PiiMatch> Find(RedactionView view)
    {
        foreach (var run in DigitRun.In(view))
        {
            foreach (var stretch in run.Stretches(view))
            {
                if (Classify(view, stretch) is { } match)
                {
                    yield return match;
                }
            }

            if (run.Digits.Length >= 5)
            {
                yield return new(PiiPolicy.NumberSequence, run.First, run.Last, PiiPriority.Fallback);
            }
        }
    }

    private static PiiMatch? Classify(RedactionView view, DigitRun stretch)
    {
        var digits = stretch.Digits;
        PiiMatch Claim(string policy, int priority) => new(policy, stretch.First, stretch.Last, priority);
        bool CueBefore(WordPhrases cues) => cues.EndsBefore(view, stretch.First, CueDistance);

        if (NumberChecks.IsCardNumber(digits))
        {
            return Claim(PiiPolicy.CreditCardNumber, PiiPriority.CheckedNumber);
        }

        if (NumberChecks.IsPossibleSsn(digits) && (SsnWritten().IsMatch(stretch.Written) || CueBefore(SsnCues)))
        {
            return Claim(PiiPolicy.UsSocialSecurityNumber, PiiPriority.CuedNumber + 1);
        }

        if (digits.Length is >= 6 and <= 34 && CueBefore(BankingCues))
        {
            return Claim(PiiPolicy.BankingInformation, PiiPriority.CuedNumber);
        }

        if (digits.Length >= 5 && CueBefore(AccountCues))
        {
            return Claim(PiiPolicy.AccountNumber, PiiPriority.CuedNumber - 1);
        }

        if (digits.Length is 3 or 4 && CvvCues.EndsBefore(view, stretch.First, 6))
        {
            return Claim(PiiPolicy.CreditCardCvv, PiiPriority.CuedNumber);
        }

        var phoneLength = digits.Length is 7 or 10 || (digits.Length == 11 && digits[0] == '1');
        return phoneLength && (PhoneWritten().IsMatch(stretch.Written) || CueBefore(PhoneCues))
            ? Claim(PiiPolicy.PhoneNumber, PiiPriority.PhoneNumber)
            : null;
    }

    [GeneratedRegex(@"^\d{3}[- ]\d{2}[- ]\d{4}$")]
    private static partial Regex SsnWritten();

    [GeneratedRegex(@"^(\+?1[- ])?\(?\d{3}\)?[- ]\d{3}[- ]\d{4}$|^\d{3}[- ]\d{4}$")]
    private static partial Regex PhoneWritten();
}
