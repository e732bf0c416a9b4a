using Accreditation.Registration.Domain;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Translation of representatives, replies and comments to the v1 contract.</summary>
static class ParticipationMapping
{
    public static V1.Representative ToContract(this Representative r, IReadOnlyDictionary<Guid, int> waitingPositions) => new()
    {
        RepresentativeId = r.Id.ToString(),
        ApplicationId = r.ApplicationId.ToString(),
        OrganizationId = r.OrganizationId.ToString(),
        DialogueId = r.DialogueId.ToString(),
        FullName = r.FullName,
        Title = r.Title,
        Email = r.Email,
        Mode = r.Mode.ToContract(),
        Status = r.Status.ToContract(),
        WaitingPosition = waitingPositions.GetValueOrDefault(r.Id),
        NominatedAt = Timestamp.FromDateTimeOffset(r.NominatedAt),
        PurgedAt = r.PurgedAt is { } purged ? Timestamp.FromDateTimeOffset(purged) : null,
    };

    public static V1.ObjectionReply ToContract(this ObjectionReply r) => new()
    {
        ApplicationId = r.ApplicationId.ToString(),
        Text = r.Text,
        SubmittedAt = Timestamp.FromDateTimeOffset(r.SubmittedAt),
    };

    public static V1.Comment ToContract(this WrittenComment c, string organizationName) => new()
    {
        CommentId = c.Id.ToString(),
        DialogueId = c.DialogueId.ToString(),
        OrganizationId = c.OrganizationId.ToString(),
        OrganizationName = organizationName,
        Text = c.Text,
        DocumentName = c.DocumentName,
        DocumentSize = c.DocumentSize,
        SubmittedAt = Timestamp.FromDateTimeOffset(c.SubmittedAt),
        PublishedAt = c.PublishedAt is { } published ? Timestamp.FromDateTimeOffset(published) : null,
    };

    public static ByteString ToContract(this CommentDocument? document) =>
        document is null ? ByteString.Empty : ByteString.CopyFrom(document.Content);
}
