namespace Accreditation.Registration.Domain;

/// <summary>Who caused a change: a caller (subject and role) or the system itself.</summary>
public sealed record Actor(string Subject, string Role)
{
    public static readonly Actor ObjectionWindow = new("objection-window", "system");
    public static readonly Actor InformationDeadline = new("information-deadline", "system");
}
