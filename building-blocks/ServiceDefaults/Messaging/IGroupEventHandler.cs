namespace Accreditation.ServiceDefaults.Messaging;

/// <summary>
/// A grouped handler that reads ahead: before the group's messages are handled one by one in their
/// shared transaction, it loads in one query per kind what each message would otherwise ask the
/// database for by itself (a window's decisions: two or three look-ups each, thousands of them).
/// What it loads holds for the rest of the transaction and its reads must stay optional: a message
/// handled alone (a group that failed, a consumer that is not grouped) is never prepared.
/// </summary>
public interface IGroupEventHandler<TEvent> : IEventHandler<TEvent> where TEvent : class
{
    Task PrepareAsync(IReadOnlyList<EventInGroup<TEvent>> group, CancellationToken ct);
}

public sealed record EventInGroup<TEvent>(TEvent Message, EventContext Context) where TEvent : class;
