using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WebApp.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum MailTls
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (submission port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,

    /// <summary>No TLS: only for a relay on this machine or a private network; credentials are refused with it.</summary>
    None,
}

/// <summary>
/// <c>Verbatim:Mail</c>: the SMTP server invites are sent through. Optional: without a <see cref="Host"/> no mail is
/// sent and invites are links that admins pass on themselves.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Verbatim:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailTls Tls { get; set; } = MailTls.StartTls;

    /// <summary>The sender, e.g. "Verbatim &lt;verbatim@example.org&gt;".</summary>
    public string? From { get; set; }

    /// <summary>Optional; with <see cref="Password"/>, the account the server is signed in to.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long connecting, signing in and sending one message may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Stops start-up on mail settings that could not send anything, naming the setting.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        var anythingElseSet = options.From is not null || options.UserName is not null || options.Password is not null;
        if (!options.IsConfigured)
        {
            return anythingElseSet
                ? ValidateOptionsResult.Fail($"{MailOptions.Section}:Host is required once any other mail setting is given.")
                : ValidateOptionsResult.Success;
        }

        if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{MailOptions.Section}:Host \"{options.Host}\" is not a host name or IP address.");
        }

        if (options.Port is < 1 or > IPEndPoint.MaxPort)
        {
            failures.Add($"{MailOptions.Section}:Port must be between 1 and 65535.");
        }

        if (options.From is null || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@'))
        {
            failures.Add($"{MailOptions.Section}:From must be a mail address, such as \"Verbatim <verbatim@example.org>\".");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{MailOptions.Section}: give both UserName and Password, or neither.");
        }

        if (!string.IsNullOrEmpty(options.UserName) && options.Tls == MailTls.None)
        {
            failures.Add($"{MailOptions.Section}: a password is never sent without TLS; set Tls to StartTls or Implicit.");
        }

        if (options.TimeoutSeconds < 1)
        {
            failures.Add($"{MailOptions.Section}:TimeoutSeconds must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
