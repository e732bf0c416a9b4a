using Accreditation.Registration.V1;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// A dialogue's fields as the create and edit forms hold them. Property names are the proto
/// fields' (policy ones flattened), so the service's refusal lands next to the field it names.
/// </summary>
public sealed class DialogueInput
{
    public string WorkingGroup { get; set; } = "";

    public string Session { get; set; } = "";

    public DateOnly? Date { get; set; }

    public string Venue { get; set; } = "";

    public DateOnly? RegistrationOpensAt { get; set; }

    public DateOnly? RegistrationClosesAt { get; set; }

    public int ObjectionPeriodDays { get; set; } = 14;

    public int InPersonCapacity { get; set; } = 40;

    public CirculationPolicy Circulation { get; set; } = CirculationPolicy.All;

    public ObjectionEffect ObjectionEffect { get; set; } = ObjectionEffect.Exclude;

    public bool DiscloseObjectionToOrganization { get; set; }

    public int RepresentativesPerOrganization { get; set; } = 2;

    /// <summary>The form filled with the dialogue as it stands (registration dates as the days they fall on, UTC).</summary>
    public static DialogueInput From(Dialogue dialogue) => new()
    {
        WorkingGroup = dialogue.WorkingGroup,
        Session = dialogue.Session,
        Date = DateOnly.TryParseExact(dialogue.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null,
        Venue = dialogue.Venue,
        RegistrationOpensAt = dialogue.RegistrationOpensAt is { } opens ? DateOnly.FromDateTime(opens.ToDateTime()) : null,
        RegistrationClosesAt = dialogue.RegistrationClosesAt is { } closes ? DateOnly.FromDateTime(closes.ToDateTime()) : null,
        ObjectionPeriodDays = dialogue.ObjectionPeriodDays,
        InPersonCapacity = dialogue.InPersonCapacity,
        Circulation = dialogue.Policy?.Circulation ?? CirculationPolicy.All,
        ObjectionEffect = dialogue.Policy?.ObjectionEffect ?? ObjectionEffect.Exclude,
        DiscloseObjectionToOrganization = dialogue.Policy?.DiscloseObjectionToOrganization ?? false,
        RepresentativesPerOrganization = dialogue.Policy?.RepresentativesPerOrganization ?? 2,
    };

    public DialoguePolicy Policy() => new()
    {
        Circulation = Circulation,
        ObjectionEffect = ObjectionEffect,
        DiscloseObjectionToOrganization = DiscloseObjectionToOrganization,
        RepresentativesPerOrganization = RepresentativesPerOrganization,
    };

    public CreateDialogueRequest ToCreateRequest() => new()
    {
        WorkingGroup = WorkingGroup.Trim(),
        Session = Session.Trim(),
        Date = Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        Venue = Venue.Trim(),
        // Registration opens at the start of its day and closes at the end of its own.
        RegistrationOpensAt = RegistrationOpensAt is { } opens ? Display.StartOfDay(opens) : null,
        RegistrationClosesAt = RegistrationClosesAt is { } closes ? Display.EndOfDay(closes) : null,
        ObjectionPeriodDays = ObjectionPeriodDays,
        InPersonCapacity = InPersonCapacity,
        Policy = Policy(),
    };
}
