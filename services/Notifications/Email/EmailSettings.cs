using Accreditation.Notifications.Domain;
using MailKit.Security;

namespace Accreditation.Notifications.Email;

/// <summary>
/// The e-mail channel (section Notifications), read and checked once at start. E-mail is on when
/// an SMTP server is configured (Notifications:Smtp:Host); otherwise notices stay in the inbox
/// and no delivery is recorded.
/// <code>
/// Notifications:Smtp:Host / Port (25) / Security (Auto | None | StartTls | SslOnConnect) / Username / Password / Timeout (00:00:30)
/// Notifications:Email:From                 (Accreditation &lt;no-reply@accreditation.invalid&gt;)
/// Notifications:Email:DaprBinding          (distributed topology: the bindings.smtp component's name; replaces SMTP)
/// Dapr:GrpcEndpoint                        (the sidecar; DAPR_GRPC_ENDPOINT / DAPR_GRPC_PORT otherwise)
/// Notifications:Delivery:MaxAttempts       (8)
/// Notifications:Delivery:FirstRetryDelay   (00:00:30, doubled after each failure)
/// Notifications:Delivery:MaxRetryDelay     (01:00:00)
/// Notifications:Delivery:PollInterval      (00:00:01)
/// </code>
/// </summary>
public sealed record EmailSettings(bool Enabled, string From, SmtpSettings? Smtp, RetryPolicy Retry, TimeSpan PollInterval, string? DaprBinding = null)
{
    public const string DefaultFrom = "Accreditation <no-reply@accreditation.invalid>";

    /// <summary>How long an attempt holds its delivery before another sender may take it (a sender that died mid-send).</summary>
    public TimeSpan Lease => (Smtp?.Timeout ?? TimeSpan.FromSeconds(30)) * 4;

    public static EmailSettings Disabled { get; } = new(false, DefaultFrom, null, RetryPolicy.Default, TimeSpan.FromSeconds(1));

    public static EmailSettings Read(IConfiguration configuration)
    {
        var smtp = SmtpSettings.Read(configuration.GetSection("Notifications:Smtp"));
        var delivery = configuration.GetSection("Notifications:Delivery");
        var retry = new RetryPolicy(
            delivery.GetValue("MaxAttempts", RetryPolicy.Default.MaxAttempts),
            delivery.GetValue("FirstRetryDelay", RetryPolicy.Default.FirstDelay),
            delivery.GetValue("MaxRetryDelay", RetryPolicy.Default.MaxDelay));
        if (retry.MaxAttempts < 1 || retry.FirstDelay <= TimeSpan.Zero || retry.MaxDelay < retry.FirstDelay)
            throw new InvalidOperationException("Notifications:Delivery: MaxAttempts must be at least 1 and 0 < FirstRetryDelay <= MaxRetryDelay.");
        var poll = delivery.GetValue("PollInterval", TimeSpan.FromSeconds(1));
        if (poll <= TimeSpan.Zero)
            throw new InvalidOperationException("Notifications:Delivery:PollInterval must be positive.");
        var from = configuration["Notifications:Email:From"] is { Length: > 0 } configured ? configured : DefaultFrom;
        if (!MimeKit.MailboxAddress.TryParse(from, out _))
            throw new InvalidOperationException($"Notifications:Email:From: '{from}' is not an address.");
        var binding = configuration["Notifications:Email:DaprBinding"] is { Length: > 0 } name ? name : null;
        return new EmailSettings(smtp is not null || binding is not null, from, smtp, retry, poll, binding);
    }
}

public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? Username, string? Password, TimeSpan Timeout)
{
    public static SmtpSettings? Read(IConfigurationSection section)
    {
        if (section["Host"] is not { Length: > 0 } host)
            return null;
        var port = section.GetValue("Port", 25);
        if (port is < 1 or > 65535)
            throw new InvalidOperationException($"{section.Path}:Port must be a TCP port.");
        var securityText = section["Security"] is { Length: > 0 } s ? s : "Auto";
        var security = securityText.ToLowerInvariant() switch
        {
            "auto" => SecureSocketOptions.StartTlsWhenAvailable,
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "sslonconnect" => SecureSocketOptions.SslOnConnect,
            _ => throw new InvalidOperationException($"{section.Path}:Security must be Auto, None, StartTls or SslOnConnect."),
        };
        var timeout = section.GetValue("Timeout", TimeSpan.FromSeconds(30));
        return new SmtpSettings(host, port, security, section["Username"], section["Password"], timeout);
    }
}
