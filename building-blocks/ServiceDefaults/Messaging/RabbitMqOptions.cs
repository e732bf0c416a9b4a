using System.ComponentModel.DataAnnotations;

namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>The broker of Bus:Transport = RabbitMq (section Bus:RabbitMq); the defaults are a local broker's.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "Bus:RabbitMq";

    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}
