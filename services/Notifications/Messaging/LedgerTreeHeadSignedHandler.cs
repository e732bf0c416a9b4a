using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// The ledger's witness: each head Registration signs is checked (signature with the log's
/// published keys, consistency with the head held, RFC 9162) and kept in this service's file;
/// a head that shows the log shrank or forked is kept as a conflict and the auditors are alerted
/// (a notice to the secretariat, e-mailed like the others). Accepted heads are e-mailed to the
/// auditors' own addresses when configured.
/// </summary>
public sealed class LedgerTreeHeadSignedHandler(NotificationsDb db, LedgerLogClient log, NoticeWriter notices, DirectEmail email,
    LedgerWitnessSettings settings, TimeProvider clock, ILogger<LedgerTreeHeadSignedHandler> logger) : IEventHandler<LedgerTreeHeadSigned>
{
    public async Task HandleAsync(LedgerTreeHeadSigned message, EventContext context, CancellationToken ct)
    {
        var keys = await log.KeysAsync(ct);
        var head = SignedNote.Open(message.Checkpoint, keys, out _, out var problem);
        var held = await db.WitnessedHeads.AsNoTracking()
            .OrderByDescending(h => h.Size).ThenByDescending(h => h.Id)
            .Select(h => new HeldHead(h.Size, h.RootHash)).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            await ConflictAsync(new WitnessJudgement(WitnessVerdict.BadSignature, $"The head does not verify with the log's published keys: {problem}."),
                held, message.Size, message.RootHash, message.At, message.Checkpoint, context, ct);
            return;
        }
        var needed = LedgerWitnessRules.ProofNeeded(held, head);
        var answer = needed is { } sizes ? await log.ConsistencyAsync(sizes.First, sizes.Second, ct) : null;
        var judgement = LedgerWitnessRules.Judge(held, head, answer);
        if (judgement.IsConflict)
        {
            await ConflictAsync(judgement, held, head.Size, head.RootHex, head.At, message.Checkpoint, context, ct);
            return;
        }
        if (judgement.Verdict == WitnessVerdict.AlreadyHeld)
            return;
        db.WitnessedHeads.Add(new WitnessedHead(head.Origin, head.Size, head.RootHex, head.At, message.Checkpoint, clock.GetUtcNow()));
        logger.LogInformation("Ledger witness: {Reason}", judgement.Reason);
        foreach (var address in settings.AuditorEmails)
            email.Add(NoticeKinds.LedgerTreeHead, DirectEmail.Recipient("ledger-auditor", address.ToLowerInvariant()), address, settings.Language,
                Values(head.Size, head.RootHex, head.At, message.Checkpoint), context.MessageId);
    }

    async Task ConflictAsync(WitnessJudgement judgement, HeldHead? held, long size, string root, DateTimeOffset signedAt, string checkpoint,
        EventContext context, CancellationToken ct)
    {
        logger.LogCritical("Ledger witness refused a head of {Size} entries: {Reason}", size, judgement.Reason);
        db.WitnessConflicts.Add(new WitnessConflict(judgement.Verdict, held?.Size ?? 0, held?.RootHash ?? "", size, root, checkpoint, judgement.Reason, clock.GetUtcNow()));
        var values = new Dictionary<string, string>(Values(size, root, signedAt, checkpoint))
        {
            ["Verdict"] = judgement.Verdict.ToString(),
            ["Reason"] = judgement.Reason,
            ["HeldSize"] = (held?.Size ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HeldRoot"] = held?.RootHash ?? "(none)",
        };
        await notices.AddAsync([new NoticeDraft(NoticeKinds.LedgerInconsistent, Recipients.Secretariat, null, values)], context, ct);
    }

    static Dictionary<string, string> Values(long size, string root, DateTimeOffset signedAt, string checkpoint) => new()
    {
        ["Size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RootHash"] = root,
        ["SignedAt"] = NoticePlanner.Format(signedAt),
        ["Checkpoint"] = checkpoint,
    };
}
