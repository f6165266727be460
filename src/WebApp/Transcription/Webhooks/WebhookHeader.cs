namespace WebApp.Transcription.Webhooks;

/// <summary>
/// What webhook_auth_header_name and _value may be: a header name of token characters that HTTP itself does not
/// own, and a value without control characters (CR/LF would start a header or a request of the user's choosing).
/// </summary>
public static class WebhookHeader
{
    public const int MaxNameLength = 256;

    public const int MaxValueLength = 4096;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "content-type", "transfer-encoding", "connection", "upgrade", "te", "trailer",
        "expect", "keep-alive", "proxy-connection", "proxy-authorization",
    };

    /// <returns>What is wrong, in words for the caller, or null.</returns>
    public static string? Problem(string name, string? value)
    {
        if (name.Length is 0 or > MaxNameLength || !name.All(IsTokenChar))
        {
            return $"webhook_auth_header_name must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~, at most {MaxNameLength}).";
        }

        if (ReservedNames.Contains(name))
        {
            return $"webhook_auth_header_name cannot be {name}: HTTP itself sets that header.";
        }

        return value is null || value.Length > MaxValueLength || value.Any(c => char.IsControl(c) && c != '\t')
            ? $"webhook_auth_header_value must be at most {MaxValueLength} characters with no line breaks or other control characters."
            : null;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
