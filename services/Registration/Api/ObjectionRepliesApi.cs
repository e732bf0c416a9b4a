using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Ledger;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>The right of reply under REFER: the organization writes, the secretariat reads.</summary>
public sealed class ObjectionRepliesApi(RegistrationDb db, TimeProvider clock) : V1.ObjectionReplyService.ObjectionReplyServiceBase
{
    public override async Task<V1.SubmitObjectionReplyResponse> SubmitObjectionReply(V1.SubmitObjectionReplyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var applicationId = Require.Id(request.ApplicationId, "application_id");
        var text = Require.Text(request.Text, "text", ObjectionReply.MaxLength);
        var reply = await db.RetryInTransactionAsync(async ct =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            Access.EnsureMember(caller, c.Organization);
            var actor = new Actor(caller.Subject, caller.Role);
            var now = clock.GetUtcNow();
            var reply = ObjectionReply.Submit(c.Application, text, actor, now);
            db.Set<ObjectionReply>().Add(reply);
            // The fact that a reply was given, never its text.
            await db.AppendAsync(new LedgerFact(LedgerKinds.Reply, c.Application.Id, c.Organization.Id, c.Dialogue.Id, actor, now,
                "The organization replied to the objection", Details: new Dictionary<string, string> { ["replyId"] = reply.Id.ToString() }), ct);
            // The secretariat is told a reply awaits its reading (Notifications); the text stays here.
            db.Enqueue(new ObjectionReplySubmitted(c.Application.Id, c.Organization.Id, c.Organization.Name, c.Dialogue.Id, c.Dialogue.Title, reply.Id, now), now);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"Application {applicationId} already has a reply to the objection.",
                RegistrationReasons.ReplyAlreadyGiven), ct);
            return reply;
        }, context.CancellationToken);
        return new V1.SubmitObjectionReplyResponse { Reply = reply.ToContract() };
    }

    public override async Task<V1.GetObjectionReplyResponse> GetObjectionReply(V1.GetObjectionReplyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var ct = context.CancellationToken;
        var c = await db.LoadCaseAsync(Require.Id(request.ApplicationId, "application_id"), ct);
        Access.EnsureCanRead(caller, c.Organization);
        var reply = await db.Set<ObjectionReply>().AsNoTracking().SingleOrDefaultAsync(r => r.ApplicationId == c.Application.Id, ct);
        return new V1.GetObjectionReplyResponse
        {
            ObjectionRaised = ObjectionDisclosure.ShowsObjectionToReplyTo(caller, c.Application, c.Dialogue),
            ReplyOpen = reply is null && ObjectionReply.AcceptsReply(c.Application),
            Reply = reply?.ToContract(),
        };
    }
}
