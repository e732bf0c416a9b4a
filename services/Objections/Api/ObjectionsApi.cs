using Accreditation.Contracts;
using Accreditation.Objections.Data;
using Accreditation.Objections.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Objections.V1;

namespace Accreditation.Objections.Api;

/// <summary>The States parties' objections. The State is the token's; the secretariat reads all.</summary>
public sealed class ObjectionsApi(ObjectionsDb db, TimeProvider clock) : V1.ObjectionService.ObjectionServiceBase
{
    public override async Task<V1.FileObjectionResponse> FileObjection(V1.FileObjectionRequest request, ServerCallContext context)
    {
        var state = context.GetCaller().RequireStateCode();
        var applicationId = Require.Id(request.ApplicationId, "application_id");
        var grounds = Require.OptionalText(request.Grounds, "grounds", 10_000);
        var objection = await db.RetryInTransactionAsync(async ct =>
        {
            var applicant = await db.ApplicantsIncludingWithdrawn.SingleOrDefaultAsync(a => a.ApplicationId == applicationId, ct)
                ?? throw new NotFoundException("Circulated application", applicationId, ObjectionReasons.CirculatedApplicationNotFound);
            var circulation = await db.Circulations.SingleAsync(c => c.Id == applicant.CirculationId, ct);
            var now = clock.GetUtcNow();
            var objection = Objection.File(circulation, applicant, state, grounds, now);
            db.Objections.Add(objection);
            db.Enqueue(new ObjectionFiled(objection.Id, applicationId, circulation.Id, applicant.Name, state, grounds, now), now);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"{state} has already filed an objection to application {applicationId}.",
                ObjectionReasons.ObjectionAlreadyFiled, ("state_code", state)), ct);
            return objection;
        }, context.CancellationToken);
        return new V1.FileObjectionResponse { Objection = objection.ToContract() };
    }

    public override async Task<V1.WithdrawObjectionResponse> WithdrawObjection(V1.WithdrawObjectionRequest request, ServerCallContext context)
    {
        var state = context.GetCaller().RequireStateCode();
        var id = Require.Id(request.ObjectionId, "objection_id");
        var objection = await db.RetryInTransactionAsync(async ct =>
        {
            // Another State's objection is answered as absent: its existence is confidential.
            var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == id && o.StateCode == state, ct)
                ?? throw new NotFoundException("Objection", id, ObjectionReasons.ObjectionNotFound);
            var circulation = await db.Circulations.SingleAsync(c => c.Id == objection.CirculationId, ct);
            var applicant = await db.ApplicantsIncludingWithdrawn.SingleAsync(a => a.ApplicationId == objection.ApplicationId, ct);
            var now = clock.GetUtcNow();
            objection.Withdraw(circulation, now);
            db.Enqueue(new ObjectionWithdrawn(objection.Id, objection.ApplicationId, circulation.Id, applicant.Name, state, now), now);
            await db.SaveChangesAsync(ct);
            return objection;
        }, context.CancellationToken);
        return new V1.WithdrawObjectionResponse { Objection = objection.ToContract() };
    }

    public override async Task<V1.ListObjectionsResponse> ListObjections(V1.ListObjectionsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.State, Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var applicationId = Require.OptionalId(request.ApplicationId, "application_id");
        var query = db.Objections.AsNoTracking().Where(Objection.VisibleTo(caller));
        if (applicationId is { } application)
            query = query.Where(o => o.ApplicationId == application);
        var page = await query.OrderBy(o => o.FiledAt).ThenBy(o => o.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListObjectionsResponse
        {
            Objections = { page.Select(o => o.ToContract()) },
            NextPageToken = Require.NextPageToken(skip, take, page.Count),
        };
    }
}
