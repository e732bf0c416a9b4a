using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Messaging;

/// <summary>
/// Objections are the Objections service's facts; the ledger records them as their events arrive
/// (the inbox makes a redelivery a no-op). The State and its grounds are kept: the ledger is the
/// secretariat's, and the secretariat may see them.
/// The first objection to an application also tells the organization, when its dialogue discloses
/// objections: Registration owns that policy, and the notice it publishes never names the State.
/// </summary>
public sealed class ObjectionFiledLedgerHandler(RegistrationDb db, TimeProvider clock) : IEventHandler<ObjectionFiled>
{
    public async Task HandleAsync(ObjectionFiled message, EventContext context, CancellationToken ct)
    {
        await DiscloseFirstObjectionAsync(message, ct);
        var details = new Dictionary<string, string>
        {
            ["objectionId"] = message.ObjectionId.ToString("D"),
            ["circulationId"] = message.CirculationId.ToString("D"),
            ["stateCode"] = message.StateCode,
        };
        if (message.Grounds is { Length: > 0 } grounds)
            details["grounds"] = grounds;
        await ObjectionFacts.AppendAsync(db, context, LedgerKinds.ObjectionFiled, message.ApplicationId, message.StateCode,
            message.At, $"Objection filed by {message.StateCode}", details, ct);
    }

    async Task DiscloseFirstObjectionAsync(ObjectionFiled message, CancellationToken ct)
    {
        // Earlier objections are in the ledger already: the organization is told once, not per State.
        var earlier = await db.LedgerEntries.AnyAsync(e => e.ApplicationId == message.ApplicationId && e.Kind == LedgerKinds.ObjectionFiled, ct);
        if (earlier || !await db.Applications.AnyAsync(a => a.Id == message.ApplicationId, ct))
            return;
        var c = await db.LoadCaseAsync(message.ApplicationId, ct);
        if (c.Dialogue.Policy.DiscloseObjectionToOrganization && c.Application.ObjectionDeadline is { } deadline)
            db.Enqueue(RegistrationEvents.ObjectionRaised(c, deadline, message.At), clock.GetUtcNow());
    }
}

public sealed class ObjectionWithdrawnLedgerHandler(RegistrationDb db) : IEventHandler<ObjectionWithdrawn>
{
    public Task HandleAsync(ObjectionWithdrawn message, EventContext context, CancellationToken ct) =>
        ObjectionFacts.AppendAsync(db, context, LedgerKinds.ObjectionWithdrawn, message.ApplicationId, message.StateCode,
            message.At, $"Objection withdrawn by {message.StateCode}",
            new Dictionary<string, string>
            {
                ["objectionId"] = message.ObjectionId.ToString("D"),
                ["circulationId"] = message.CirculationId.ToString("D"),
                ["stateCode"] = message.StateCode,
            }, ct);
}

static class ObjectionFacts
{
    public static async Task AppendAsync(RegistrationDb db, EventContext context, string kind, Guid applicationId, string stateCode,
        DateTimeOffset at, string reason, Dictionary<string, string> details, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        db.LedgerCorrelation = MessageCorrelation(context);
        // The State acted through its API client; the ledger names the State party (an id, not a person).
        await db.AppendAsync(new LedgerFact(kind, applicationId, application?.OrganizationId, application?.DialogueId,
            new Actor(stateCode, "state"), at, reason, Details: details), ct);
    }

    public static string MessageCorrelation(EventContext context) => $"message:{context.MessageId:D}";
}
