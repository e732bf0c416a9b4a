using System.Text;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain;

/// <summary>
/// What one organization may keep in the system, so no single organization can fill the data disk
/// or send mail without end (section Registration:Quotas).
/// </summary>
public sealed class Quotas
{
    public const string Section = "Registration:Quotas";

    /// <summary>Written comments an organization may submit to one dialogue.</summary>
    [Positive]
    public int CommentsPerOrganization { get; set; } = 10;

    /// <summary>Their total size in bytes (texts in UTF-8 and PDF documents) for one dialogue.</summary>
    [Positive]
    public long CommentBytesPerOrganization { get; set; } = 25L * 1024 * 1024;

    /// <summary>Invitations an organization may have open (neither accepted nor expired) at once.</summary>
    [Positive]
    public int OpenInvitationsPerOrganization { get; set; } = 20;

    /// <summary>Refuses a new comment of <paramref name="newBytes"/> when the organization's comments to the dialogue would exceed a quota.</summary>
    public void EnsureRoomForComment(IReadOnlyCollection<(string Text, int DocumentSize)> existing, long newBytes)
    {
        if (existing.Count >= CommentsPerOrganization)
            throw new QuotaExceededException("comments-per-organization", CommentsPerOrganization,
                $"Quota of written comments spent: an organization may submit at most {CommentsPerOrganization} comments to a dialogue; it has submitted {existing.Count}.",
                RegistrationReasons.CommentsQuotaSpent, ("submitted", existing.Count));
        var used = existing.Sum(c => Bytes(c.Text, c.DocumentSize));
        if (used + newBytes > CommentBytesPerOrganization)
            throw new QuotaExceededException("comment-bytes-per-organization", CommentBytesPerOrganization,
                $"Quota of comment storage spent: an organization's comments to a dialogue may take at most {CommentBytesPerOrganization} bytes; " +
                $"{used} are used and this comment needs {newBytes}.",
                RegistrationReasons.CommentStorageQuotaSpent, ("used", used), ("needed", newBytes));
    }

    public void EnsureRoomForInvitation(int open)
    {
        if (open >= OpenInvitationsPerOrganization)
            throw new QuotaExceededException("open-invitations-per-organization", OpenInvitationsPerOrganization,
                $"Quota of open invitations spent: an organization may have at most {OpenInvitationsPerOrganization} invitations open at once; " +
                "wait until some are accepted or expire.",
                RegistrationReasons.OpenInvitationsQuotaSpent);
    }

    public static long Bytes(string text, int documentSize) => Encoding.UTF8.GetByteCount(text) + (long)documentSize;
}
