namespace Accreditation.Notifications.Domain;

/// <summary>A head the witness refused, and why: the auditors were alerted (a notice to the secretariat).</summary>
public sealed class WitnessConflict
{
    WitnessConflict() { }

    public WitnessConflict(WitnessVerdict verdict, long heldSize, string heldRoot, long size, string rootHash, string checkpoint, string reason, DateTimeOffset at)
    {
        Verdict = verdict;
        HeldSize = heldSize;
        HeldRoot = heldRoot;
        Size = size;
        RootHash = rootHash;
        Checkpoint = checkpoint;
        Reason = reason;
        At = at;
    }

    public long Id { get; private set; }
    public WitnessVerdict Verdict { get; private set; }
    /// <summary>The head the witness held that the refused one contradicts.</summary>
    public long HeldSize { get; private set; }
    public string HeldRoot { get; private set; } = "";
    public long Size { get; private set; }
    public string RootHash { get; private set; } = "";
    public string Checkpoint { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
