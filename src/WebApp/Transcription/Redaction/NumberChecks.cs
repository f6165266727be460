namespace WebApp.Transcription.Redaction;

/// <summary>Checksums and number plans that tell a real card or SSN from any string of digits.</summary>
internal static class NumberChecks
{
    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// 13–19 digits, a valid Luhn check digit, and a start used by a card network (Amex 34/37, Diners 30/36/38,
    /// Visa 4, Mastercard 51–55 and 2221–2720, Discover/UnionPay 6). Random digits pass Luhn one time in ten; the
    /// prefix rule removes most of those.
    /// </summary>
    public static bool IsCardNumber(string digits)
    {
        if (digits.Length is < 13 or > 19 || !PassesLuhn(digits))
        {
            return false;
        }

        var two = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
        var four = int.Parse(digits[..4], System.Globalization.CultureInfo.InvariantCulture);
        return digits[0] is '4' or '6' || two is 34 or 37 or 30 or 36 or 38 || two is >= 51 and <= 55 || four is >= 2221 and <= 2720;
    }

    /// <summary>Nine digits the Social Security Administration could have issued: no 000, 666 or 9xx area, no 00 group, no 0000 serial.</summary>
    public static bool IsPossibleSsn(string digits) =>
        digits.Length == 9 && digits[..3] is not ("000" or "666") && digits[0] != '9' && digits[3..5] != "00" && digits[5..] != "0000";
}
