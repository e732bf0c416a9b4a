using System.ComponentModel.DataAnnotations;
using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Email;

/// <summary>The SMTP server (section Notifications:Smtp); e-mail is on when Host is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    [EnumDataType(typeof(SmtpSecurity))]
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one exchange with the server may take.</summary>
    [Positive]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
