namespace Accreditation.Notifications.Domain;

public enum WitnessVerdict { Accepted = 1, AlreadyHeld = 2, BadSignature = 3, Shrank = 4, Forked = 5, Inconsistent = 6 }

/// <summary>What the witness decides about a head, with the reason the auditors read.</summary>
public sealed record WitnessJudgement(WitnessVerdict Verdict, string Reason)
{
    public bool IsConflict => Verdict is WitnessVerdict.Shrank or WitnessVerdict.Forked or WitnessVerdict.Inconsistent or WitnessVerdict.BadSignature;
}
