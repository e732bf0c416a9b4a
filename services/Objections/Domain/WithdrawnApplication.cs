namespace Accreditation.Objections.Domain;

/// <summary>
/// An application its organization withdrew, kept whether or not its circulation has arrived yet:
/// events of two services may arrive in either order, and a circulation that comes after the
/// withdrawal must still leave the application out of the States' list.
/// </summary>
public sealed class WithdrawnApplication
{
    WithdrawnApplication() { }

    public WithdrawnApplication(Guid applicationId, DateTimeOffset at)
    {
        ApplicationId = applicationId;
        At = at;
    }

    public Guid ApplicationId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
