using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Configuration;
using MailKit.Security;

namespace Accreditation.Notifications.Email;

/// <summary>
/// The e-mail channel as its settings (<see cref="SmtpOptions"/>, <see cref="EmailOptions"/>,
/// <see cref="DeliveryOptions"/>) give it, read and checked once at start. E-mail is on when an
/// SMTP server (Notifications:Smtp:Host) or a Dapr binding is configured; otherwise notices stay
/// in the inbox and no delivery is recorded.
/// </summary>
public sealed record EmailSettings(bool Enabled, string From, SmtpSettings? Smtp, RetryPolicy Retry, TimeSpan PollInterval, string? DaprBinding = null)
{
    public static string DefaultFrom { get; } = new EmailOptions().From;

    /// <summary>How long an attempt holds its delivery before another sender may take it (a sender that died mid-send).</summary>
    public TimeSpan Lease => (Smtp?.Timeout ?? new SmtpOptions().Timeout) * 4;

    public static EmailSettings Disabled { get; } = Of(new SmtpOptions(), new EmailOptions(), new DeliveryOptions());

    public static EmailSettings Read(IConfiguration configuration) =>
        Of(configuration.ReadSettings<SmtpOptions>(SmtpOptions.Section), configuration.ReadSettings<EmailOptions>(EmailOptions.Section),
            configuration.ReadSettings<DeliveryOptions>(DeliveryOptions.Section));

    static EmailSettings Of(SmtpOptions smtpOptions, EmailOptions email, DeliveryOptions delivery)
    {
        var smtp = SmtpSettings.From(smtpOptions);
        var retry = new RetryPolicy(delivery.MaxAttempts, delivery.FirstRetryDelay, delivery.MaxRetryDelay);
        var binding = email.DaprBinding is { Length: > 0 } name ? name : null;
        return new EmailSettings(smtp is not null || binding is not null, email.From, smtp, retry, delivery.PollInterval, binding);
    }
}

public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? Username, string? Password, TimeSpan Timeout)
{
    public static SmtpSettings? From(SmtpOptions options) => options.Host is { Length: > 0 } host
        ? new SmtpSettings(host, options.Port, options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        }, options.Username, options.Password, options.Timeout)
        : null;
}
