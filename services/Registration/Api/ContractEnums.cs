using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.Registration.Domain.Statistics;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// Explicit pairs of domain and v1 enums (the programme's are in <see cref="ProgrammeEnums"/>): a
/// value added on one side fails here (and in its test) rather than travelling as a wrong number.
/// What a request carries is parsed naming its field: unset (UNSPECIFIED) or unknown is
/// INVALID_ARGUMENT listing the allowed values.
/// </summary>
public static class ContractEnums
{
    public static V1.NextStepKind ToContract(this NextStepKind kind) => kind switch
    {
        NextStepKind.AwaitingScreening => V1.NextStepKind.AwaitingScreening,
        NextStepKind.AwaitingAnswer => V1.NextStepKind.AwaitingAnswer,
        NextStepKind.AwaitingCirculation => V1.NextStepKind.AwaitingCirculation,
        NextStepKind.ObjectionWindow => V1.NextStepKind.ObjectionWindow,
        NextStepKind.AwaitingReferralDecision => V1.NextStepKind.AwaitingReferralDecision,
        NextStepKind.NominateDelegation => V1.NextStepKind.NominateDelegation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No v1 next step kind."),
    };

    public static NextStepKind ToDomain(this V1.NextStepKind kind) => kind switch
    {
        V1.NextStepKind.AwaitingScreening => NextStepKind.AwaitingScreening,
        V1.NextStepKind.AwaitingAnswer => NextStepKind.AwaitingAnswer,
        V1.NextStepKind.AwaitingCirculation => NextStepKind.AwaitingCirculation,
        V1.NextStepKind.ObjectionWindow => NextStepKind.ObjectionWindow,
        V1.NextStepKind.AwaitingReferralDecision => NextStepKind.AwaitingReferralDecision,
        V1.NextStepKind.NominateDelegation => NextStepKind.NominateDelegation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No domain next step kind."),
    };

    public static V1.Party ToContract(this Party party) => party switch
    {
        Party.Organization => V1.Party.Organization,
        Party.Secretariat => V1.Party.Secretariat,
        Party.States => V1.Party.States,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "No v1 party."),
    };

    public static Party ToDomain(this V1.Party party) => party switch
    {
        V1.Party.Organization => Party.Organization,
        V1.Party.Secretariat => Party.Secretariat,
        V1.Party.States => Party.States,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "No domain party."),
    };

    public static V1.InvitationState ToContract(this InvitationState state) => state switch
    {
        InvitationState.Pending => V1.InvitationState.Pending,
        InvitationState.Accepted => V1.InvitationState.Accepted,
        InvitationState.Expired => V1.InvitationState.Expired,
        InvitationState.Cancelled => V1.InvitationState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No v1 invitation state."),
    };

    public static InvitationState ToDomain(this V1.InvitationState state) => state switch
    {
        V1.InvitationState.Pending => InvitationState.Pending,
        V1.InvitationState.Accepted => InvitationState.Accepted,
        V1.InvitationState.Expired => InvitationState.Expired,
        V1.InvitationState.Cancelled => InvitationState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No domain invitation state."),
    };

    public static V1.ApplicationState ToContract(this ApplicationState value) => value switch
    {
        ApplicationState.Draft => V1.ApplicationState.Draft,
        ApplicationState.Submitted => V1.ApplicationState.Submitted,
        ApplicationState.InformationRequested => V1.ApplicationState.InformationRequested,
        ApplicationState.Lapsed => V1.ApplicationState.Lapsed,
        ApplicationState.Ineligible => V1.ApplicationState.Ineligible,
        ApplicationState.Eligible => V1.ApplicationState.Eligible,
        ApplicationState.Circulated => V1.ApplicationState.Circulated,
        ApplicationState.Referred => V1.ApplicationState.Referred,
        ApplicationState.Admitted => V1.ApplicationState.Admitted,
        ApplicationState.NotAdmitted => V1.ApplicationState.NotAdmitted,
        ApplicationState.Withdrawn => V1.ApplicationState.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 application state."),
    };

    public static ApplicationState ToDomain(this V1.ApplicationState value, string field) => value switch
    {
        V1.ApplicationState.Draft => ApplicationState.Draft,
        V1.ApplicationState.Submitted => ApplicationState.Submitted,
        V1.ApplicationState.InformationRequested => ApplicationState.InformationRequested,
        V1.ApplicationState.Lapsed => ApplicationState.Lapsed,
        V1.ApplicationState.Ineligible => ApplicationState.Ineligible,
        V1.ApplicationState.Eligible => ApplicationState.Eligible,
        V1.ApplicationState.Circulated => ApplicationState.Circulated,
        V1.ApplicationState.Referred => ApplicationState.Referred,
        V1.ApplicationState.Admitted => ApplicationState.Admitted,
        V1.ApplicationState.NotAdmitted => ApplicationState.NotAdmitted,
        V1.ApplicationState.Withdrawn => ApplicationState.Withdrawn,
        _ => throw NotAllowed<V1.ApplicationState>(field),
    };

    public static V1.StakeholderCategory ToContract(this StakeholderCategory value) => value switch
    {
        StakeholderCategory.Ngo => V1.StakeholderCategory.Ngo,
        StakeholderCategory.Academia => V1.StakeholderCategory.Academia,
        StakeholderCategory.PrivateSector => V1.StakeholderCategory.PrivateSector,
        StakeholderCategory.Other => V1.StakeholderCategory.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 stakeholder category."),
    };

    public static StakeholderCategory ToDomain(this V1.StakeholderCategory value, string field) => value switch
    {
        V1.StakeholderCategory.Ngo => StakeholderCategory.Ngo,
        V1.StakeholderCategory.Academia => StakeholderCategory.Academia,
        V1.StakeholderCategory.PrivateSector => StakeholderCategory.PrivateSector,
        V1.StakeholderCategory.Other => StakeholderCategory.Other,
        _ => throw NotAllowed<V1.StakeholderCategory>(field),
    };

    public static V1.EcosocStatus ToContract(this EcosocStatus value) => value switch
    {
        EcosocStatus.None => V1.EcosocStatus.None,
        EcosocStatus.General => V1.EcosocStatus.General,
        EcosocStatus.Special => V1.EcosocStatus.Special,
        EcosocStatus.Roster => V1.EcosocStatus.Roster,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 ECOSOC status."),
    };

    public static EcosocStatus ToDomain(this V1.EcosocStatus value, string field) => value switch
    {
        V1.EcosocStatus.None => EcosocStatus.None,
        V1.EcosocStatus.General => EcosocStatus.General,
        V1.EcosocStatus.Special => EcosocStatus.Special,
        V1.EcosocStatus.Roster => EcosocStatus.Roster,
        _ => throw NotAllowed<V1.EcosocStatus>(field),
    };

    public static V1.CirculationPolicy ToContract(this CirculationPolicy value) => value switch
    {
        CirculationPolicy.All => V1.CirculationPolicy.All,
        CirculationPolicy.WithoutEcosocStatus => V1.CirculationPolicy.WithoutEcosocStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 circulation policy."),
    };

    public static CirculationPolicy ToDomain(this V1.CirculationPolicy value, string field) => value switch
    {
        V1.CirculationPolicy.All => CirculationPolicy.All,
        V1.CirculationPolicy.WithoutEcosocStatus => CirculationPolicy.WithoutEcosocStatus,
        _ => throw NotAllowed<V1.CirculationPolicy>(field),
    };

    public static V1.ObjectionEffect ToContract(this ObjectionEffect value) => value switch
    {
        ObjectionEffect.Exclude => V1.ObjectionEffect.Exclude,
        ObjectionEffect.Refer => V1.ObjectionEffect.Refer,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 objection effect."),
    };

    public static ObjectionEffect ToDomain(this V1.ObjectionEffect value, string field) => value switch
    {
        V1.ObjectionEffect.Exclude => ObjectionEffect.Exclude,
        V1.ObjectionEffect.Refer => ObjectionEffect.Refer,
        _ => throw NotAllowed<V1.ObjectionEffect>(field),
    };

    public static V1.AttendanceMode ToContract(this AttendanceMode value) => value switch
    {
        AttendanceMode.InPerson => V1.AttendanceMode.InPerson,
        AttendanceMode.Online => V1.AttendanceMode.Online,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 attendance mode."),
    };

    public static AttendanceMode ToDomain(this V1.AttendanceMode value, string field) => value switch
    {
        V1.AttendanceMode.InPerson => AttendanceMode.InPerson,
        V1.AttendanceMode.Online => AttendanceMode.Online,
        _ => throw NotAllowed<V1.AttendanceMode>(field),
    };

    public static V1.RepresentativeStatus ToContract(this RepresentativeStatus value) => value switch
    {
        RepresentativeStatus.InPerson => V1.RepresentativeStatus.InPerson,
        RepresentativeStatus.Online => V1.RepresentativeStatus.Online,
        RepresentativeStatus.WaitingList => V1.RepresentativeStatus.WaitingList,
        RepresentativeStatus.Withdrawn => V1.RepresentativeStatus.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 representative status."),
    };

    public static V1.RegionalGroup ToContract(this RegionalGroup value) => value switch
    {
        RegionalGroup.African => V1.RegionalGroup.African,
        RegionalGroup.AsiaPacific => V1.RegionalGroup.AsiaPacific,
        RegionalGroup.EasternEuropean => V1.RegionalGroup.EasternEuropean,
        RegionalGroup.LatinAmericanAndCaribbean => V1.RegionalGroup.LatinAmericanAndCaribbean,
        RegionalGroup.WesternEuropeanAndOthers => V1.RegionalGroup.WesternEuropeanAndOthers,
        RegionalGroup.None => V1.RegionalGroup.None,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 regional group."),
    };

    public static V1.ExportFormat ToContract(this LedgerExportFormat value) => value switch
    {
        LedgerExportFormat.Json => V1.ExportFormat.Json,
        LedgerExportFormat.Csv => V1.ExportFormat.Csv,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No v1 export format."),
    };

    public static LedgerExportFormat ToDomain(this V1.ExportFormat value, string field) => value switch
    {
        V1.ExportFormat.Json => LedgerExportFormat.Json,
        V1.ExportFormat.Csv => LedgerExportFormat.Csv,
        _ => throw NotAllowed<V1.ExportFormat>(field),
    };

    /// <summary>No problem (a verified ledger) is the v1 value 0: here UNSPECIFIED means "none".</summary>
    public static V1.VerificationProblem ToContract(this LedgerProblem problem) => problem switch
    {
        LedgerProblem.None => V1.VerificationProblem.Unspecified,
        LedgerProblem.HashMismatch => V1.VerificationProblem.HashMismatch,
        LedgerProblem.MissingEntry => V1.VerificationProblem.MissingEntry,
        LedgerProblem.OutOfOrder => V1.VerificationProblem.OutOfOrder,
        LedgerProblem.ChainBroken => V1.VerificationProblem.ChainBroken,
        LedgerProblem.CheckpointMismatch => V1.VerificationProblem.CheckpointMismatch,
        LedgerProblem.Truncated => V1.VerificationProblem.Truncated,
        LedgerProblem.InconsistentWithWitness => V1.VerificationProblem.InconsistentWithWitness,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No v1 verification problem."),
    };

    public static LedgerProblem ToDomain(this V1.VerificationProblem problem) => problem switch
    {
        V1.VerificationProblem.Unspecified => LedgerProblem.None,
        V1.VerificationProblem.HashMismatch => LedgerProblem.HashMismatch,
        V1.VerificationProblem.MissingEntry => LedgerProblem.MissingEntry,
        V1.VerificationProblem.OutOfOrder => LedgerProblem.OutOfOrder,
        V1.VerificationProblem.ChainBroken => LedgerProblem.ChainBroken,
        V1.VerificationProblem.CheckpointMismatch => LedgerProblem.CheckpointMismatch,
        V1.VerificationProblem.Truncated => LedgerProblem.Truncated,
        V1.VerificationProblem.InconsistentWithWitness => LedgerProblem.InconsistentWithWitness,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No domain verification problem."),
    };

    /// <summary>A screening's outcome: whether the application was found eligible.</summary>
    public static bool FoundEligible(this V1.ScreeningOutcome outcome, string field) => outcome switch
    {
        V1.ScreeningOutcome.Eligible => true,
        V1.ScreeningOutcome.Ineligible => false,
        _ => throw NotAllowed<V1.ScreeningOutcome>(field),
    };

    /// <summary>A referral decision's outcome: whether the application was admitted.</summary>
    public static bool Admits(this V1.ReferralOutcome outcome, string field) => outcome switch
    {
        V1.ReferralOutcome.Admitted => true,
        V1.ReferralOutcome.NotAdmitted => false,
        _ => throw NotAllowed<V1.ReferralOutcome>(field),
    };

    /// <summary>Refuses an unset or unknown value, listing the v1 values allowed (all but UNSPECIFIED).</summary>
    static InvalidFieldException NotAllowed<TContract>(string field) where TContract : struct, System.Enum =>
        new(field, $"must be one of {string.Join(", ", System.Enum.GetNames<TContract>().Skip(1))}",
            CommonReasons.ValueNotAllowed, ("allowed_values", System.Enum.GetNames<TContract>().Skip(1)));

    public static V1.NextStep ToContract(this NextStep step) => new()
    {
        Kind = step.Kind.ToContract(),
        Party = step.Party.ToContract(),
        Due = step.Due is { } due ? Timestamp.FromDateTimeOffset(due) : null,
    };
}
