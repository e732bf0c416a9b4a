using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Registration;

/// <summary>Where Registration's documents point their readers (section Registration:Links).</summary>
public sealed class RegistrationLinksOptions
{
    public const string Section = "Registration:Links";

    /// <summary>
    /// The portal's root, where the dialogue's public page lists its published written comments
    /// (the Chair's summary links it); unset: the gateway's Gateway:HttpUrl.
    /// </summary>
    [HttpAddress]
    public string? Portal { get; set; }
}
