using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Domain.Programme;

public enum AgendaItemKind { Briefing = 1, Panel, CollectionOfInputs, Other }

/// <summary>An item of a dialogue's agenda; its number orders the agenda and is unique within the dialogue.</summary>
public sealed class AgendaItem
{
    public const int MaxNumber = 99;

    AgendaItem() { }

    public Guid Id { get; private set; }
    public Guid DialogueId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public AgendaItemKind Kind { get; private set; }

    public static AgendaItem Add(Dialogue dialogue, int number, string? title, AgendaItemKind kind)
    {
        var item = new AgendaItem { Id = Guid.NewGuid(), DialogueId = dialogue.Id };
        item.Update(number, title, kind);
        return item;
    }

    public void Update(int number, string? title, AgendaItemKind kind)
    {
        if (number is < 1 or > MaxNumber)
            throw new InvalidFieldException("number", $"must be between 1 and {MaxNumber}", CommonReasons.ValueOutOfRange, ("min", 1), ("max", MaxNumber));
        var text = DialogueProgramme.Text(title, "title", 300, required: true);
        if (!Enum.IsDefined(kind))
            throw new InvalidFieldException("kind", "must be BRIEFING, PANEL, COLLECTION_OF_INPUTS or OTHER",
                CommonReasons.ValueNotAllowed, ("allowed_values", "BRIEFING, PANEL, COLLECTION_OF_INPUTS, OTHER"));
        Number = number;
        Title = text;
        Kind = kind;
    }

    /// <summary>An item that has panellists or speakers carries history: take them off first.</summary>
    public void EnsureRemovable(int panellists, int floorRequests)
    {
        if (panellists > 0 || floorRequests > 0)
            throw new RuleViolationException(
                $"Agenda item {Number} has {panellists} panellist(s) and {floorRequests} floor request(s); remove them before the item.",
                RegistrationReasons.AgendaItemInUse, ("number", Number), ("panellists", panellists), ("floor_requests", floorRequests)) { Subject = $"agenda-items/{Id}" };
    }

    /// <summary>Panellists are invited to a panel, not to a briefing or the collection of inputs.</summary>
    public void EnsurePanel()
    {
        if (Kind != AgendaItemKind.Panel)
            throw new RuleViolationException($"Agenda item {Number} is a {Kind} item; panellists are invited to a Panel item.",
                RegistrationReasons.NotAPanelItem, ("number", Number), ("agenda_item_kind", Kind)) { Subject = $"agenda-items/{Id}" };
    }
}
