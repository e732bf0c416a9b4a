using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Errors;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// Explicit pairs of the programme's domain and v1 enums: a value added on one side fails here (and
/// in its test) rather than travelling as a wrong number. Parsing a request's value names its field.
/// </summary>
public static class ProgrammeEnums
{
    public static V1.ChairRole ToContract(this ChairRole role) => role switch
    {
        ChairRole.Chair => V1.ChairRole.Chair,
        ChairRole.CoChair => V1.ChairRole.CoChair,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No v1 chair role."),
    };

    /// <summary>Unset or unknown stays an undefined value, which the programme's rules refuse naming the chair's field.</summary>
    public static ChairRole ToDomain(this V1.ChairRole role) => role switch
    {
        V1.ChairRole.Chair => ChairRole.Chair,
        V1.ChairRole.CoChair => ChairRole.CoChair,
        _ => 0,
    };

    public static V1.AgendaItemKind ToContract(this AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Briefing => V1.AgendaItemKind.Briefing,
        AgendaItemKind.Panel => V1.AgendaItemKind.Panel,
        AgendaItemKind.CollectionOfInputs => V1.AgendaItemKind.CollectionOfInputs,
        AgendaItemKind.Other => V1.AgendaItemKind.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No v1 agenda item kind."),
    };

    public static AgendaItemKind ToDomain(this V1.AgendaItemKind kind, string field) => kind switch
    {
        V1.AgendaItemKind.Briefing => AgendaItemKind.Briefing,
        V1.AgendaItemKind.Panel => AgendaItemKind.Panel,
        V1.AgendaItemKind.CollectionOfInputs => AgendaItemKind.CollectionOfInputs,
        V1.AgendaItemKind.Other => AgendaItemKind.Other,
        _ => throw new InvalidFieldException(field, "must be BRIEFING, PANEL, COLLECTION_OF_INPUTS or OTHER",
            CommonReasons.ValueNotAllowed, ("allowed_values", "BRIEFING, PANEL, COLLECTION_OF_INPUTS, OTHER")),
    };

    public static V1.PanellistStatus ToContract(this PanellistStatus status) => status switch
    {
        PanellistStatus.Invited => V1.PanellistStatus.Invited,
        PanellistStatus.Accepted => V1.PanellistStatus.Accepted,
        PanellistStatus.Declined => V1.PanellistStatus.Declined,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No v1 panellist status."),
    };

    public static V1.FloorRequestStatus ToContract(this FloorRequestStatus status) => status switch
    {
        FloorRequestStatus.Requested => V1.FloorRequestStatus.Requested,
        FloorRequestStatus.Spoke => V1.FloorRequestStatus.Spoke,
        FloorRequestStatus.Withdrawn => V1.FloorRequestStatus.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No v1 floor request status."),
    };

    public static V1.OnBehalfStatus ToContract(this OnBehalfStatus status) => status switch
    {
        OnBehalfStatus.Pending => V1.OnBehalfStatus.Pending,
        OnBehalfStatus.Confirmed => V1.OnBehalfStatus.Confirmed,
        OnBehalfStatus.Refused => V1.OnBehalfStatus.Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No v1 on-behalf status."),
    };

    public static V1.ParticipationBasis ToContract(this ParticipationBasis basis) => basis switch
    {
        ParticipationBasis.Admissions => V1.ParticipationBasis.Admissions,
        ParticipationBasis.Attendance => V1.ParticipationBasis.Attendance,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "No v1 participation basis."),
    };
}
