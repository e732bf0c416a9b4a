using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Translation of the dialogue's programme, panels, speakers and attendance to the v1 contract.</summary>
static class ProgrammeMapping
{
    static Timestamp? Time(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;

    public static V1.WorkingGroupSession ToContract(this WorkingGroupSession g) => new() { Name = g.Name, Session = g.Session };

    public static V1.Chair ToContract(this Chair c) => new() { Name = c.Name, Title = c.Title, Role = c.Role.ToContract() };

    public static V1.Panellist ToContract(this PanellistView p) => new()
    {
        PanellistId = p.Panellist.Id.ToString(),
        AgendaItemId = p.Panellist.AgendaItemId.ToString(),
        DialogueId = p.Panellist.DialogueId.ToString(),
        RepresentativeId = p.Panellist.RepresentativeId.ToString(),
        RepresentativeName = p.RepresentativeName,
        RepresentativeTitle = p.RepresentativeTitle,
        OrganizationId = p.Panellist.OrganizationId.ToString(),
        OrganizationName = p.OrganizationName,
        Status = p.Panellist.Status.ToContract(),
        InvitedAt = Timestamp.FromDateTimeOffset(p.Panellist.InvitedAt),
        AnsweredAt = Time(p.Panellist.AnsweredAt),
    };

    public static V1.AgendaItem ToContract(this AgendaItem i, IEnumerable<PanellistView> panellists) => new()
    {
        AgendaItemId = i.Id.ToString(),
        DialogueId = i.DialogueId.ToString(),
        Number = i.Number,
        Title = i.Title,
        Kind = i.Kind.ToContract(),
        Panellists = { panellists.Where(p => p.Panellist.AgendaItemId == i.Id).Select(p => p.ToContract()) },
    };

    public static V1.MeetingDocument ToContract(this MeetingDocument d) => new()
    {
        DocumentId = d.Id.ToString(),
        DialogueId = d.DialogueId.ToString(),
        AgendaItemId = d.AgendaItemId?.ToString() ?? "",
        Symbol = d.Symbol,
        Title = d.Title,
        DocumentName = d.DocumentName,
        DocumentSize = d.DocumentSize,
        AddedAt = Timestamp.FromDateTimeOffset(d.AddedAt),
    };

    public static V1.Statement? StatementOf(FloorRequest f) => f.HasStatement
        ? new V1.Statement
        {
            Text = f.StatementText,
            DocumentName = f.StatementDocumentName,
            DocumentSize = f.StatementDocumentSize,
            SubmittedAt = Time(f.StatementSubmittedAt),
            PublishedAt = Time(f.StatementPublishedAt),
        }
        : null;

    public static V1.FloorRequest ToContract(this FloorRequestView v) => new()
    {
        FloorRequestId = v.Request.Id.ToString(),
        DialogueId = v.Request.DialogueId.ToString(),
        AgendaItemId = v.Request.AgendaItemId.ToString(),
        OrganizationId = v.Request.OrganizationId.ToString(),
        OrganizationName = v.OrganizationName,
        ApplicationId = v.Request.ApplicationId.ToString(),
        RepresentativeId = v.Request.RepresentativeId?.ToString() ?? "",
        RepresentativeName = v.RepresentativeName,
        OnBehalfOf =
        {
            v.Request.OnBehalf.Select(o => new V1.OnBehalfOf
            {
                OrganizationId = o.OrganizationId.ToString(), OrganizationName = v.NameOf(o.OrganizationId), Status = o.Status.ToContract(),
            }),
        },
        Position = v.Request.Position,
        Status = v.Request.Status.ToContract(),
        RequestedAt = Timestamp.FromDateTimeOffset(v.Request.RequestedAt),
        SpokeAt = Time(v.Request.SpokeAt),
        Statement = StatementOf(v.Request),
    };

    public static V1.ParticipationFigures ToContract(this ParticipationFigures f) => new()
    {
        Basis = f.Basis.ToContract(),
        Organizations = f.Organizations,
        ByCategory = { f.ByCategory.Select(c => new V1.CategoryParticipation { Category = c.Category.ToContract(), Organizations = c.Organizations }) },
        ByRegion = { f.ByRegion.Select(r => new V1.RegionParticipation { Region = r.Region.ToContract(), Organizations = r.Organizations }) },
        OrganizationsInPerson = f.OrganizationsInPerson,
        OrganizationsOnline = f.OrganizationsOnline,
        RepresentativesInPerson = f.RepresentativesInPerson,
        RepresentativesOnline = f.RepresentativesOnline,
    };

    public static V1.Attendance ToContract(this Attendance a) => new()
    {
        RepresentativeId = a.RepresentativeId.ToString(),
        OrganizationId = a.OrganizationId.ToString(),
        Mode = a.Mode.ToContract(),
        RecordedAt = Timestamp.FromDateTimeOffset(a.RecordedAt),
    };

    /// <summary>The programme as the caller may see it (the view was filtered for it already).</summary>
    public static V1.DialogueProgramme ToContract(this ProgrammeView v) => new()
    {
        Dialogue = v.Dialogue.ToContract(),
        Series = v.Programme.Series,
        WorkingGroups = { v.Programme.WorkingGroups(v.Dialogue).Select(g => g.ToContract()) },
        Chairs = { v.Programme.Chairs.Select(c => c.ToContract()) },
        OnlineMeetingUrl = v.Programme.OnlineMeetingUrl,
        AgendaItems = { v.AgendaItems.Select(i => i.ToContract(v.Panellists)) },
        MeetingDocuments = { v.Documents.Select(d => d.ToContract()) },
        FloorRequests = { v.FloorRequests.Select(f => f.ToContract()) },
        Participation = v.Participation.ToContract(),
    };

    public static V1.PublicDialogueSummary ToPublicSummary(this Dialogue d, DialogueProgramme p) => new()
    {
        DialogueId = d.Id.ToString(),
        Title = d.Title,
        Series = p.Series,
        WorkingGroups = { p.WorkingGroups(d).Select(g => g.ToContract()) },
        Date = d.Date.ToString("yyyy-MM-dd"),
        Venue = d.Venue,
    };

    public static WorkingGroupSession ToDomain(this V1.WorkingGroupSession g) => new(g.Name, g.Session);

    public static Chair ToDomain(this V1.Chair c) => new(c.Name, c.Title, c.Role.ToDomain());
}
