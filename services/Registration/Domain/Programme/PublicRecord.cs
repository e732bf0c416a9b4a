using System.Linq.Expressions;

namespace Accreditation.Registration.Domain.Programme;

/// <summary>
/// What a dialogue's public page shows without signing in: only what the secretariat publishes.
/// The filters a query runs are expressions the database translates; the others judge rows
/// already read (the programme's view).
/// </summary>
public static class PublicRecord
{
    /// <summary>The dialogues whose day is over (UTC): <see cref="Dialogue.HasTakenPlace"/> as a filter.</summary>
    public static Expression<Func<Dialogue, bool>> Dialogues(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return d => d.Date < today;
    }

    /// <summary>The written comments the secretariat published.</summary>
    public static readonly Expression<Func<WrittenComment, bool>> Comments = c => c.PublishedAt != null;

    /// <summary>The floor requests whose statement (and its document) the secretariat published.</summary>
    public static readonly Expression<Func<FloorRequest, bool>> Statements = f => f.StatementPublishedAt != null;

    /// <summary>A speaker is named once they spoke; a request withdrawn or never reached is not.</summary>
    public static bool ShowsSpeaker(FloorRequest floor) => floor.Status == FloorRequestStatus.Spoke;

    /// <summary>The organizations a speaker spoke for that confirmed it; a pending or refused one is never named.</summary>
    public static IEnumerable<OnBehalfOf> SpokenFor(FloorRequest floor) => floor.OnBehalf.Where(o => o.Status == OnBehalfStatus.Confirmed);

    /// <summary>Panellists who accepted; an invitation declined or unanswered stays private.</summary>
    public static bool ShowsPanellist(Panellist panellist) => panellist.Status == PanellistStatus.Accepted;
}
