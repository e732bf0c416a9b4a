using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>
/// The organization's one response to an objection under the REFER policy, given while the
/// application is Referred, before the decision is recorded. It answers the objection, not a State:
/// the organization never learns who objected.
/// </summary>
public sealed class ObjectionReply
{
    public const int MaxLength = 20_000;

    ObjectionReply() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Text { get; private set; } = "";
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Whether the application is at the point where the organization may reply (once: a unique index keeps it to one).</summary>
    public static bool AcceptsReply(Application application) => application.State == ApplicationState.Referred;

    public static ObjectionReply Submit(Application application, string text, Actor actor, DateTimeOffset now)
    {
        if (!AcceptsReply(application))
            throw new RuleViolationException(
                $"The application is {application.State}; a reply to an objection is possible only while it is Referred, before the decision.",
                RegistrationReasons.ReplyNeedsReferral, ("state", application.State)) { Subject = application.ResourceName() };
        return new ObjectionReply
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            OrganizationId = application.OrganizationId,
            Text = text,
            SubmittedBy = actor.Subject,
            SubmittedAt = now,
        };
    }
}
