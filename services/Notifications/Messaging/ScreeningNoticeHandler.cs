using Accreditation.Notifications.Domain;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// An application event that moves it on the secretariat's screening queue and tells its parties:
/// grouped, it reads ahead once per group (the queue's entries, the stored notices, the members),
/// and each message's drafts are planned once, whether prepared or handled alone.
/// </summary>
public abstract class ScreeningNoticeHandler<TEvent>(NoticeWriter writer, ScreeningQueue screening) : IGroupEventHandler<TEvent>
    where TEvent : class
{
    readonly Dictionary<Guid, IReadOnlyList<NoticeDraft>> _planned = [];

    protected abstract Guid ApplicationOf(TEvent message);

    protected abstract IReadOnlyList<NoticeDraft> Plan(TEvent message);

    protected abstract Task MoveOnQueueAsync(ScreeningQueue queue, TEvent message, CancellationToken ct);

    public async Task PrepareAsync(IReadOnlyList<EventInGroup<TEvent>> group, CancellationToken ct)
    {
        _planned.Clear();
        foreach (var (message, context) in group)
            _planned[context.MessageId] = Plan(message);
        await screening.PrepareAsync(group.Select(e => ApplicationOf(e.Message)), ct);
        await writer.PrepareAsync(group.Select(e => (_planned[e.Context.MessageId], e.Context)).ToList(), ct);
    }

    public async Task HandleAsync(TEvent message, EventContext context, CancellationToken ct)
    {
        await MoveOnQueueAsync(screening, message, ct);
        var drafts = _planned.TryGetValue(context.MessageId, out var planned) ? planned : Plan(message);
        await writer.AddAsync(drafts, context, ct);
    }
}
