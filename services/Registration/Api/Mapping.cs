using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Translation between the domain and the v1 contract; no rules live here.</summary>
static class Mapping
{
    public static V1.Dialogue ToContract(this Dialogue d) => new()
    {
        DialogueId = d.Id.ToString(),
        WorkingGroup = d.WorkingGroup,
        Session = d.Session,
        Date = d.Date.ToString("yyyy-MM-dd"),
        Venue = d.Venue,
        RegistrationOpensAt = Timestamp.FromDateTimeOffset(d.RegistrationOpensAt),
        RegistrationClosesAt = Timestamp.FromDateTimeOffset(d.RegistrationClosesAt),
        ObjectionPeriodDays = d.ObjectionPeriodDays,
        InPersonCapacity = d.InPersonCapacity,
        Policy = new V1.DialoguePolicy
        {
            Circulation = d.Policy.Circulation.ToContract(),
            ObjectionEffect = d.Policy.ObjectionEffect.ToContract(),
            DiscloseObjectionToOrganization = d.Policy.DiscloseObjectionToOrganization,
            RepresentativesPerOrganization = d.Policy.RepresentativesPerOrganization,
        },
    };

    public static V1.Organization ToContract(this Organization o) => new()
    {
        OrganizationId = o.Id.ToString(),
        Name = o.Name,
        Acronym = o.Acronym,
        Category = o.Category.ToContract(),
        Country = o.Country,
        EcosocStatus = o.EcosocStatus.ToContract(),
        Website = o.Website,
        AreasOfWork = { o.AreasOfWork },
    };

    /// <summary>The organization sees that an objection was raised only where the dialogue discloses it.</summary>
    public static V1.Application ToContract(this Application a, bool showObjection) => new()
    {
        ApplicationId = a.Id.ToString(),
        OrganizationId = a.OrganizationId.ToString(),
        DialogueId = a.DialogueId.ToString(),
        State = a.State.ToContract(),
        SubmittedAt = a.SubmittedAt is { } submitted ? Timestamp.FromDateTimeOffset(submitted) : null,
        ObjectionDeadline = a.ObjectionDeadline is { } deadline ? Timestamp.FromDateTimeOffset(deadline) : null,
        DecidedAt = a.DecidedAt is { } decided ? Timestamp.FromDateTimeOffset(decided) : null,
        ObjectionRaised = showObjection && a.ObjectionRaised,
    };

    public static V1.StatusChange ToContract(this StatusChange c, bool showActorSubject, bool showObjections)
    {
        var reason = c.ReasonAsSeen(showObjections);
        var change = new V1.StatusChange
        {
            From = c.From.ToContract(),
            To = c.To.ToContract(),
            At = Timestamp.FromDateTimeOffset(c.At),
            Actor = new V1.Actor { Subject = showActorSubject ? c.ActorSubject : "", Role = c.ActorRole },
            Reason = reason.Text,
            ReasonCode = reason.Code,
            Kind = c.IsProfileChange ? Registration.Domain.Ledger.LedgerKinds.ProfileChanged : Registration.Domain.Ledger.LedgerKinds.Transition,
        };
        foreach (var (key, value) in reason.Metadata)
            change.ReasonMetadata[key] = value;
        return change;
    }

    public static DateTimeOffset Time(Timestamp? value, string field)
    {
        if (value is null)
            throw new InvalidFieldException(field, "is required", CommonReasons.FieldRequired);
        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidFieldException(field, "is not a valid timestamp", CommonReasons.TimestampInvalid);
        }
    }

    public static DateOnly Date(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? date
        : throw new InvalidFieldException(field, "must be a date as yyyy-MM-dd", CommonReasons.DateInvalid);
}

/// <summary>A dialogue's figures in the v1 contract.</summary>
static class FiguresMapping
{
    public static V1.DialogueStatistics ToContract(this DialogueFigures f, Dialogue dialogue)
    {
        var statistics = new V1.DialogueStatistics
        {
            DialogueId = dialogue.Id.ToString(),
            Applications = f.Applications,
            Admitted = f.Admitted,
            NotAdmitted = f.NotAdmitted,
            Withdrawn = f.Withdrawn,
            ByState = { f.ByState.OrderBy(s => s.Key).Select(s => new V1.StateCount { State = s.Key.ToContract(), Applications = s.Value }) },
            ByCategory = { f.ByCategory.Select(c => new V1.CategoryFigures { Category = c.Group.ToContract(), Applications = c.Applications, Admitted = c.Admitted }) },
            ByRegion = { f.ByRegion.Select(r => new V1.RegionFigures { Region = r.Group.ToContract(), Applications = r.Applications, Admitted = r.Admitted }) },
            ObjectingStates = f.ObjectingStates,
            OrganizationsObjectedTo = f.OrganizationsObjectedTo,
            Decided = f.Decided,
            Summary = ChairSummary.Write(dialogue, f),
        };
        if (f.MedianDaysToDecision is { } median)
            statistics.MedianDaysToDecision = median;
        return statistics;
    }
}
