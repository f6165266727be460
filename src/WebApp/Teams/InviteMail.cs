using System.Globalization;
using MimeKit;
using WebApp.Data.Entities;
using WebApp.Mail;

namespace WebApp.Teams;

/// <summary>Sends an invite's link to the address an admin typed, when the server has mail configured.</summary>
public sealed class InviteMail(MailSender sender)
{
    public bool IsAvailable => sender.IsConfigured;

    /// <summary>A single plain address ("ann@example.org"), not a list or a display name with headers in it.</summary>
    public static bool TryParseAddress(string? text, out MailboxAddress mailbox)
    {
        mailbox = default!;
        if (string.IsNullOrWhiteSpace(text) || !MailboxAddress.TryParse(text.Trim(), out var parsed) || !parsed.Address.Contains('@') || parsed.Address.Contains(','))
        {
            return false;
        }

        mailbox = new MailboxAddress(null, parsed.Address);
        return true;
    }

    /// <returns>Null when the mail server took the message, else why not.</returns>
    public Task<string?> SendAsync(MailboxAddress to, string teamName, TeamRole role, DateTime expiresAt, string link, CancellationToken cancellationToken = default)
    {
        var expires = expiresAt.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var message = new MimeMessage
        {
            Subject = $"You are invited to join {teamName} on Verbatim",
            Body = new TextPart("plain")
            {
                Text = $"""
                    You are invited to join the team "{teamName}" on Verbatim as {role.DisplayName().ToLowerInvariant()}.

                    Open this link to join (you can create an account there if you have none):

                    {link}

                    The link works once, until {expires}. If you did not expect this invite, ignore this message.
                    """,
            },
        };
        message.To.Add(to);
        return sender.SendAsync(message, cancellationToken);
    }
}
