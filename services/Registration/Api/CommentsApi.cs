using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>
/// Written comments: submitted by admitted organizations, published by officers, then readable by
/// anyone signed in. Before publication a comment does not exist for anyone but its organization
/// and the secretariat (NOT_FOUND).
/// </summary>
public sealed class CommentsApi(RegistrationDb db, TimeProvider clock, IOptions<Quotas> quotas) : V1.CommentService.CommentServiceBase
{
    /// <summary>gRPC's default 4 MB message limit would refuse a 5 MB PDF before the rules could name the field.</summary>
    public const int MaxMessageBytes = PdfDocument.MaxBytes + 1024 * 1024;

    public override async Task<V1.SubmitCommentResponse> SubmitComment(V1.SubmitCommentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var applicationId = Require.Id(request.ApplicationId, "application_id");
        var text = Require.Text(request.Text, "text", WrittenComment.MaxLength);
        var document = PdfDocument.Parse(request.Document.Span, request.DocumentName);
        var (comment, name) = await db.RetryInTransactionAsync(async ct =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            Access.EnsureMember(caller, c.Organization);
            var existing = await db.Set<WrittenComment>().AsNoTracking()
                .Where(w => w.OrganizationId == c.Organization.Id && w.DialogueId == c.Application.DialogueId)
                .Select(w => new { w.Text, w.DocumentSize }).ToListAsync(ct);
            quotas.Value.EnsureRoomForComment(existing.Select(w => (w.Text, w.DocumentSize)).ToList(),
                Quotas.Bytes(text, document?.Content.Length ?? 0));
            var comment = WrittenComment.Submit(c.Application, text, document, new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
            db.Set<WrittenComment>().Add(comment);
            if (document is not null)
                db.Set<CommentDocument>().Add(new CommentDocument(comment.Id, document));
            await db.SaveChangesAsync(ct);
            return (comment, c.Organization.Name);
        }, context.CancellationToken);
        return new V1.SubmitCommentResponse { Comment = comment.ToContract(name) };
    }

    public override async Task<V1.PublishCommentResponse> PublishComment(V1.PublishCommentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.CommentId, "comment_id");
        var (comment, name) = await db.RetryInTransactionAsync(async ct =>
        {
            var comment = await db.Set<WrittenComment>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Comment", id, RegistrationReasons.CommentNotFound);
            var now = clock.GetUtcNow();
            comment.Publish(new Actor(caller.Subject, caller.Role), now);
            var name = await OrganizationNameAsync(comment, ct);
            var dialogue = await db.Dialogues.AsNoTracking().SingleAsync(d => d.Id == comment.DialogueId, ct);
            // The organization is told its comment is out (Notifications).
            db.Enqueue(new CommentPublished(comment.Id, comment.ApplicationId, comment.OrganizationId, name, dialogue.Id, dialogue.Title, now), now);
            await db.SaveChangesAsync(ct);
            return (comment, name);
        }, context.CancellationToken);
        return new V1.PublishCommentResponse { Comment = comment.ToContract(name) };
    }

    public override async Task<V1.GetCommentResponse> GetComment(V1.GetCommentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Require.Id(request.CommentId, "comment_id");
        var ct = context.CancellationToken;
        var comment = await db.Set<WrittenComment>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (comment is null || !comment.IsVisibleTo(caller.IsSecretariat, await IsMemberAsync(caller, comment.OrganizationId, ct)))
            throw new NotFoundException("Comment", id, RegistrationReasons.CommentNotFound);
        var document = await db.Set<CommentDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.CommentId == id, ct);
        return new V1.GetCommentResponse { Comment = comment.ToContract(await OrganizationNameAsync(comment, ct)), Document = document.ToContract() };
    }

    public override async Task<V1.ListCommentsResponse> ListComments(V1.ListCommentsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var comments = await db.Set<WrittenComment>().AsNoTracking()
            .Where(c => c.DialogueId == dialogueId)
            .Where(WrittenComment.VisibleTo(caller, db.OrganizationMembers))
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { Comment = c, o.Name })
            .ToListAsync(context.CancellationToken);
        return new V1.ListCommentsResponse
        {
            Comments = { comments.OrderBy(c => c.Comment.SubmittedAt).ThenBy(c => c.Comment.Id).Select(c => c.Comment.ToContract(c.Name)) },
        };
    }

    Task<bool> IsMemberAsync(Caller caller, Guid organizationId, CancellationToken ct) =>
        caller.Role == Roles.Organization
            ? db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.Subject == caller.Subject, ct)
            : Task.FromResult(false);

    Task<string> OrganizationNameAsync(WrittenComment comment, CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == comment.OrganizationId).Select(o => o.Name).SingleAsync(ct);
}
