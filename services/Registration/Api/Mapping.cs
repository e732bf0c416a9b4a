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
        var disclosed = showObjections || c.ActorRole != Actor.ObjectionWindow.Role;
        var change = new V1.StatusChange
        {
            From = (V1.ApplicationState)c.From,
            To = (V1.ApplicationState)c.To,
            At = Timestamp.FromDateTimeOffset(c.At),
            Actor = new V1.Actor { Subject = showActorSubject ? c.ActorSubject : "", Role = c.ActorRole },
            Reason = disclosed ? c.Reason
                : c.To == ApplicationState.Referred ? "Referred for a decision when the circulation period closed"
                : "Decided when the circulation period closed",
            ReasonCode = disclosed ? c.ReasonCode
                : c.To == ApplicationState.Referred ? HistoryReasons.ReferredAtClose : HistoryReasons.DecidedAtClose,
            Kind = c.IsProfileChange ? Registration.Domain.Ledger.LedgerKinds.ProfileChanged : Registration.Domain.Ledger.LedgerKinds.Transition,
        };
        if (disclosed)
            foreach (var (key, value) in c.ReasonMetadata())
                change.ReasonMetadata[key] = value;
        return change;
    }

    public static TDomain Domain<TDomain, TContract>(TContract value, string field)
        where TDomain : struct, System.Enum where TContract : struct, System.Enum
    {
        var number = Convert.ToInt32(value);
        return number != 0 && System.Enum.IsDefined(typeof(TDomain), number)
            ? (TDomain)System.Enum.ToObject(typeof(TDomain), number)
            : throw new InvalidFieldException(field, $"must be one of {string.Join(", ", System.Enum.GetNames<TContract>().Skip(1))}",
                CommonReasons.ValueNotAllowed, ("allowed_values", System.Enum.GetNames<TContract>().Skip(1)));
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
