using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Registration.Messaging;

/// <summary>
/// The deadline passed: the ledger records the closure for each application, then each one still
/// circulated is decided by its dialogue's objection effect.
/// </summary>
public sealed class ObjectionWindowClosedHandler(RegistrationDb db, TimeProvider clock) : IEventHandler<ObjectionWindowClosed>
{
    public async Task HandleAsync(ObjectionWindowClosed message, EventContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.LedgerCorrelation = ObjectionFacts.MessageCorrelation(context);
        foreach (var tally in message.Results)
        {
            var c = await db.LoadCaseAsync(tally.ApplicationId, ct);
            await db.AppendAsync(new LedgerFact(LedgerKinds.WindowClosed, c.Application.Id, c.Organization.Id, c.Dialogue.Id,
                Actor.ObjectionWindow, message.ClosedAt, $"Objection period closed with {tally.StandingObjections} standing objection(s)",
                Details: new Dictionary<string, string>
                {
                    ["circulationId"] = message.CirculationId.ToString("D"),
                    ["deadline"] = LedgerHash.Time(message.Deadline),
                    ["standingObjections"] = tally.StandingObjections.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
            // Withdrawn during the window, or already settled: nothing left to decide.
            if (c.Application.State != ApplicationState.Circulated || c.Application.CirculationId != message.CirculationId)
                continue;
            c.Application.CloseObjectionWindow(tally.StandingObjections, c.Dialogue.Policy.ObjectionEffect, now);
            // Referred is announced too: the organization may reply before the decision is recorded.
            db.Enqueue(RegistrationEvents.Decided(c, now), now);
        }
        // The inbox consumer saves and commits: the decisions' ledger entries go with them.
        await db.RecordInLedgerAsync(ct);
    }
}
