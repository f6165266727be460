using Microsoft.Extensions.Options;

namespace WebApp.Mail;

public static class MailExtensions
{
    /// <summary>Optional SMTP settings (validated on start) and the sender.</summary>
    public static void AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        builder.Services.AddSingleton<MailSender>();
    }
}
