using Accreditation.Registration.Domain.Ledger;

namespace Accreditation.Registration.Domain;

/// <summary>
/// The in-person seats of a dialogue: a freed seat goes to the first on the waiting list, until
/// the dialogue is over; and once it is over the representatives' personal data may be purged.
/// The callers load and save around these decisions in one transaction.
/// </summary>
public static class InPersonSeats
{
    /// <summary>Seats free for the waiting list: none once the dialogue is over (a freed seat then helps nobody).</summary>
    public static int FreeForWaitingList(Dialogue dialogue, int seatsTaken, DateTimeOffset now) =>
        dialogue.HasTakenPlace(now) ? 0 : Math.Max(0, dialogue.InPersonCapacity - seatsTaken);

    /// <summary>
    /// Gives the free seats to the first on the waiting list in nomination order; returns those
    /// moved up (the others keep their places).
    /// </summary>
    /// <param name="waiting">The dialogue's waiting list (at least the first <paramref name="free"/> of it), in any order.</param>
    public static IReadOnlyList<Representative> GiveFreedSeats(IEnumerable<Representative> waiting, int free, DateTimeOffset now)
    {
        var next = waiting.Where(r => r.Status == RepresentativeStatus.WaitingList).OrderBy(r => r.Position).Take(Math.Max(0, free)).ToList();
        foreach (var representative in next)
            representative.MoveUp(now);
        return next;
    }

    /// <summary>
    /// Blanks the personal data of the dialogue's representatives not purged yet, once the dialogue
    /// has taken place; returns how many, with the ledger's record of it (counts only), or null when none was purged.
    /// </summary>
    public static RepresentativesPurged? Purge(Dialogue dialogue, IEnumerable<Representative> representatives, Actor actor, DateTimeOffset now)
    {
        dialogue.EnsureTakenPlace(now);
        var purged = representatives.Where(r => r.Purge(now)).ToList();
        if (purged.Count == 0)
            return null;
        var details = new Dictionary<string, string> { ["representatives"] = purged.Count.ToString() };
        foreach (var status in Enum.GetValues<RepresentativeStatus>())
            details[char.ToLowerInvariant(status.ToString()[0]) + status.ToString()[1..]] = purged.Count(r => r.Status == status).ToString();
        return new RepresentativesPurged(purged.Count, new LedgerFact(LedgerKinds.Purge, null, null, dialogue.Id, actor, now,
            $"Personal data of {purged.Count} representative(s) purged (names, titles, e-mail addresses)", Details: details));
    }
}

/// <summary>How many representatives' personal data a purge blanked, and the ledger's record of it.</summary>
public sealed record RepresentativesPurged(int Count, LedgerFact LedgerRecord);
