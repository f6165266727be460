using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WebApp.Mail;

/// <summary>
/// Sends one message through the configured SMTP server (MailKit), a connection per message: invites are rare.
/// Messages carry secrets (invite links), so neither their bodies nor the SMTP conversation are ever logged.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    public bool IsConfigured => options.Value.IsConfigured;

    /// <returns>Null when the server accepted the message, else why not, in words for the person who tried.</returns>
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return "Mail is not configured on this server.";
        }

        message.From.Clear();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            var security = settings.Tls switch
            {
                MailTls.Implicit => SecureSocketOptions.SslOnConnect,
                MailTls.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, timeout.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password!, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return null;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is SmtpCommandException or SmtpProtocolException
            or AuthenticationException or SslHandshakeException or SocketException or IOException or ServiceNotConnectedException or OperationCanceledException)
        {
            // What failed (refused, unreachable, TLS, too slow) in the exception's words, which hold no message content.
            var reason = error is OperationCanceledException ? $"no answer within {settings.TimeoutSeconds} s" : error.Message;
            logger.LogWarning("Mail to {Recipients} through {Host}:{Port} failed: {Reason}",
                string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), settings.Host, settings.Port, reason);
            return $"The mail server did not take the message ({reason}).";
        }
    }
}
