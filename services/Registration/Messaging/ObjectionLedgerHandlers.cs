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
/// </summary>
public sealed class ObjectionFiledLedgerHandler(RegistrationDb db) : IEventHandler<ObjectionFiled>
{
    public async Task HandleAsync(ObjectionFiled message, EventContext context, CancellationToken ct)
    {
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
