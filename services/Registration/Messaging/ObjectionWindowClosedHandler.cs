using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Registration.Messaging;

/// <summary>The deadline passed: each circulated application is decided by its dialogue's objection effect.</summary>
public sealed class ObjectionWindowClosedHandler(RegistrationDb db, TimeProvider clock) : IEventHandler<ObjectionWindowClosed>
{
    public async Task HandleAsync(ObjectionWindowClosed message, EventContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var tally in message.Results)
        {
            var c = await db.LoadCaseAsync(tally.ApplicationId, ct);
            // Withdrawn during the window, or already settled: nothing left to decide.
            if (c.Application.State != ApplicationState.Circulated || c.Application.CirculationId != message.CirculationId)
                continue;
            c.Application.CloseObjectionWindow(tally.StandingObjections, c.Dialogue.Policy.ObjectionEffect, now);
            // Referred is announced too: the organization may reply before the decision is recorded.
            db.Enqueue(RegistrationEvents.Decided(c, now), now);
        }
    }
}
