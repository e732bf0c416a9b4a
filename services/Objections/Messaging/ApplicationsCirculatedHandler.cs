using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using CirculatedApplicant = Accreditation.Objections.Domain.CirculatedApplicant;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Objections.Messaging;

/// <summary>Opens the objection window for the circulated applicants.</summary>
public sealed class ApplicationsCirculatedHandler(ObjectionsDb db) : IEventHandler<ApplicationsCirculated>
{
    public Task HandleAsync(ApplicationsCirculated message, EventContext context, CancellationToken ct)
    {
        var circulation = new Circulation(message.CirculationId, message.DialogueId, message.DialogueTitle, message.OpensAt, message.Deadline);
        circulation.Applicants.AddRange(message.Applicants.Select(a => new CirculatedApplicant(
            a.ApplicationId, circulation.Id, a.OrganizationId, a.Name, a.Acronym, a.Category, a.Country, a.EcosocStatus, a.Website)));
        db.Circulations.Add(circulation);
        return Task.CompletedTask;
    }
}
