using Accreditation.Registration.Domain;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// Explicit pairs of domain and v1 enums for the timeline and invitations: a value added on one
/// side fails here (and in its test) rather than travelling as a wrong number.
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

    public static V1.NextStep ToContract(this NextStep step) => new()
    {
        Kind = step.Kind.ToContract(),
        Party = step.Party.ToContract(),
        Due = step.Due is { } due ? Timestamp.FromDateTimeOffset(due) : null,
    };
}
