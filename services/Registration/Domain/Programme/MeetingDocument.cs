using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

/// <summary>A document of the meeting (e.g. a conference room paper), attached to the dialogue or one of its items.</summary>
public sealed class MeetingDocument
{
    MeetingDocument() { }

    public Guid Id { get; private set; }
    public Guid DialogueId { get; private set; }
    public Guid? AgendaItemId { get; private set; }
    /// <summary>e.g. "CTOC/COP/WG.2/2023/CRP.1": unique within the dialogue.</summary>
    public string Symbol { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string DocumentName { get; private set; } = "";
    public int DocumentSize { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public string AddedBy { get; private set; } = "";

    /// <param name="item">The agenda item it belongs to, of the same dialogue, if any.</param>
    public static MeetingDocument Add(Dialogue dialogue, AgendaItem? item, string? symbol, string? title, PdfDocument? document,
        Actor actor, DateTimeOffset now)
    {
        if (item is not null && item.DialogueId != dialogue.Id)
            throw new InvalidFieldException("agenda_item_id", "must be an agenda item of the same dialogue", RegistrationReasons.AgendaItemOfAnotherDialogue);
        return new MeetingDocument
        {
            Id = Guid.NewGuid(),
            DialogueId = dialogue.Id,
            AgendaItemId = item?.Id,
            Symbol = DialogueProgramme.Text(symbol, "symbol", 100, required: true),
            Title = DialogueProgramme.Text(title, "title", 300, required: true),
            DocumentName = document?.FileName ?? "",
            DocumentSize = document?.Content.Length ?? 0,
            AddedAt = now,
            AddedBy = actor.Subject,
        };
    }
}

/// <summary>The PDF of a meeting document, a statement, ...: stored apart so listing never loads the bytes.</summary>
public sealed class StoredDocument
{
    StoredDocument() { }

    public StoredDocument(Guid ownerId, PdfDocument document)
    {
        OwnerId = ownerId;
        Content = document.Content;
    }

    /// <summary>The meeting document's or the floor request's id.</summary>
    public Guid OwnerId { get; private set; }
    public byte[] Content { get; private set; } = [];

    public void Replace(PdfDocument document) => Content = document.Content;
}
