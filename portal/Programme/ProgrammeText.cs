using Accreditation.Portal.Localization;
using Accreditation.Registration.V1;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Programme;

/// <summary>
/// Marker of the words the dialogue's programme shows on the secretariat's, the organizations'
/// and the public pages alike (Resources/Programme/ProgrammeText.*.resx): kept together so the
/// three say the same thing, and apart from the shared resources others edit.
/// </summary>
public sealed class ProgrammeText;

/// <summary>The words of the programme's enums (every value has its own; an unknown one shows as itself).</summary>
public static class ProgrammeWords
{
    /// <summary>The kinds an officer chooses from, in the agenda's usual order.</summary>
    public static readonly IReadOnlyList<AgendaItemKind> Kinds = [AgendaItemKind.Briefing, AgendaItemKind.Panel, AgendaItemKind.CollectionOfInputs, AgendaItemKind.Other];

    public static string Of(this IStringLocalizer<ProgrammeText> text, AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Briefing => text["Briefing"],
        AgendaItemKind.Panel => text["Panel"],
        AgendaItemKind.CollectionOfInputs => text["Collection of inputs"],
        AgendaItemKind.Other => text["Other"],
        _ => EnumNames.Unnamed(kind),
    };

    public static string Of(this IStringLocalizer<ProgrammeText> text, ChairRole role) => role switch
    {
        ChairRole.Chair => text["Chair"],
        ChairRole.CoChair => text["Co-Chair"],
        _ => EnumNames.Unnamed(role),
    };

    public static string Of(this IStringLocalizer<ProgrammeText> text, PanellistStatus status) => status switch
    {
        PanellistStatus.Invited => text["Invited, no answer yet"],
        PanellistStatus.Accepted => text["Accepted"],
        PanellistStatus.Declined => text["Declined"],
        _ => EnumNames.Unnamed(status),
    };

    public static string Of(this IStringLocalizer<ProgrammeText> text, FloorRequestStatus status) => status switch
    {
        FloorRequestStatus.Requested => text["Asked for the floor"],
        FloorRequestStatus.Spoke => text["Spoke"],
        FloorRequestStatus.Withdrawn => text["Withdrawn"],
        _ => EnumNames.Unnamed(status),
    };

    public static string Of(this IStringLocalizer<ProgrammeText> text, OnBehalfStatus status) => status switch
    {
        OnBehalfStatus.Pending => text["not confirmed yet"],
        OnBehalfStatus.Confirmed => text["confirmed"],
        OnBehalfStatus.Refused => text["refused"],
        _ => EnumNames.Unnamed(status),
    };

    public static string Of(this IStringLocalizer<ProgrammeText> text, ParticipationBasis basis) => basis switch
    {
        ParticipationBasis.Admissions => text["Counted from admissions: the dialogue has not taken place yet."],
        ParticipationBasis.Attendance => text["Counted from attendance: organizations at least one of whose representatives attended."],
        _ => EnumNames.Unnamed(basis),
    };

    public static string Of(this IStringLocalizer<ProgrammeText> text, AttendanceMode mode) => mode switch
    {
        AttendanceMode.InPerson => text["In person"],
        AttendanceMode.Online => text["Online"],
        _ => EnumNames.Unnamed(mode),
    };

    /// <summary>A dialogue's calendar date (ISO in the API) as the person's language writes it.</summary>
    public static string DateOf(string isoDate) => Pages.Secretariat.SecretariatPageModel.DateOf(isoDate);

    /// <summary>"Working Group on X, ninth session; Working Group on Y, fourteenth session".</summary>
    public static string TitleOf(IEnumerable<WorkingGroupSession> groups) => string.Join("; ", groups.Select(g => $"{g.Name}, {g.Session}"));

    /// <summary>"Item 3. Panel on ..." as a heading names it.</summary>
    public static string Item(this IStringLocalizer<ProgrammeText> text, AgendaItem item) => text["Item {0}. {1}", item.Number, item.Title];
}
