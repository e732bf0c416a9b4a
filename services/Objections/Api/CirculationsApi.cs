using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Objections.V1;

namespace Accreditation.Objections.Api;

/// <summary>The circulated applicants, for the States parties and the secretariat.</summary>
public sealed class CirculationsApi(ObjectionsDb db, TimeProvider clock) : V1.CirculationService.CirculationServiceBase
{
    public override async Task<V1.ListCirculatedApplicantsResponse> ListCirculatedApplicants(V1.ListCirculatedApplicantsRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.State, Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var dialogueId = Require.OptionalId(request.DialogueId, "dialogue_id");
        var circulations = db.Circulations.AsNoTracking();
        if (dialogueId is { } dialogue)
            circulations = circulations.Where(c => c.DialogueId == dialogue);
        if (request.OpenOnly)
            circulations = circulations.Where(Circulation.OpenAt(clock.GetUtcNow()));
        var query = db.ApplicantsBeforeStates.AsNoTracking()
            .Join(circulations, a => a.CirculationId, c => c.Id, (a, c) => new { Applicant = a, Circulation = c });
        var page = await query.OrderBy(x => x.Circulation.Deadline).ThenBy(x => x.Applicant.Name).ThenBy(x => x.Applicant.ApplicationId)
            .Skip(skip).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListCirculatedApplicantsResponse
        {
            Applicants = { page.Select(x => x.Applicant.ToContract(x.Circulation)) },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }

    public override async Task<V1.GetCirculationResponse> GetCirculation(V1.GetCirculationRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.State, Roles.Officer, Roles.Auditor);
        var id = Require.Id(request.CirculationId, "circulation_id");
        var circulation = await db.Circulations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("Circulation", id, ObjectionReasons.CirculationNotFound);
        var count = await db.ApplicantsBeforeStates.CountAsync(a => a.CirculationId == id, context.CancellationToken);
        return new V1.GetCirculationResponse { Circulation = circulation.ToContract(count) };
    }
}
