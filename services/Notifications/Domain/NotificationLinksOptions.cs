using Accreditation.ServiceDefaults.Configuration;

namespace Accreditation.Notifications.Domain;

/// <summary>The portal's pages notices and e-mails send their reader to (section Notifications:Links).</summary>
public sealed class NotificationLinksOptions
{
    public const string Section = "Notifications:Links";

    /// <summary>The local portal, for a system run on one machine.</summary>
    const string LocalPortal = "http://127.0.0.1:5080/";

    /// <summary>The portal's root; unset: the site of <see cref="SignIn"/>.</summary>
    [HttpAddress]
    public string? Portal { get; set; }

    [HttpAddress]
    public string SignIn { get; set; } = LocalPortal;

    /// <summary>Takes the e-mailed code that confirms an address (?email=&amp;code=).</summary>
    [HttpAddress]
    public string ConfirmEmail { get; set; } = LocalPortal;

    /// <summary>Takes an invitation's code.</summary>
    [HttpAddress]
    public string AcceptInvitation { get; set; } = LocalPortal;

    /// <summary>Takes the e-mailed code (?email=&amp;code=) and a new password.</summary>
    [HttpAddress]
    public string ResetPassword { get; set; } = LocalPortal;

    /// <summary>A page by its setting's name; a setting left empty is the local portal.</summary>
    public string Page(string name)
    {
        var page = name switch
        {
            nameof(SignIn) => SignIn,
            nameof(ConfirmEmail) => ConfirmEmail,
            nameof(AcceptInvitation) => AcceptInvitation,
            nameof(ResetPassword) => ResetPassword,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such page among Notifications:Links."),
        };
        return page is { Length: > 0 } ? page : LocalPortal;
    }
}
