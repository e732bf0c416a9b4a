using Accreditation.Objections.Domain;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Objections.V1;

namespace Accreditation.Objections.Api;

static class Mapping
{
    public static V1.CirculatedApplicant ToContract(this CirculatedApplicant a, Circulation c) => new()
    {
        ApplicationId = a.ApplicationId.ToString(),
        CirculationId = c.Id.ToString(),
        DialogueId = c.DialogueId.ToString(),
        OrganizationId = a.OrganizationId.ToString(),
        Name = a.Name,
        Acronym = a.Acronym,
        Category = a.Category,
        Country = a.Country,
        EcosocStatus = a.EcosocStatus,
        Website = a.Website,
        Deadline = Timestamp.FromDateTimeOffset(c.Deadline),
    };

    public static V1.Circulation ToContract(this Circulation c, int applicantCount) => new()
    {
        CirculationId = c.Id.ToString(),
        DialogueId = c.DialogueId.ToString(),
        OpensAt = Timestamp.FromDateTimeOffset(c.OpensAt),
        Deadline = Timestamp.FromDateTimeOffset(c.Deadline),
        ClosedAt = c.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
        ApplicantCount = applicantCount,
    };

    public static V1.Objection ToContract(this Objection o) => new()
    {
        ObjectionId = o.Id.ToString(),
        ApplicationId = o.ApplicationId.ToString(),
        StateCode = o.StateCode,
        Grounds = o.Grounds ?? "",
        FiledAt = Timestamp.FromDateTimeOffset(o.FiledAt),
        WithdrawnAt = o.WithdrawnAt is { } withdrawn ? Timestamp.FromDateTimeOffset(withdrawn) : null,
    };
}
