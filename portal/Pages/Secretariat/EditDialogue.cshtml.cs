using Accreditation.Registration.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// An officer edits a dialogue (UpdateDialogue takes every field). What may still change once
/// registration has closed is the service's rule: its refusal names the field, shown next to it.
/// </summary>
public sealed class EditDialogueModel(DialogueService.DialogueServiceClient dialogues) : SecretariatPageModel
{
    public Dialogue Dialogue { get; private set; } = new();

    [BindProperty]
    public DialogueInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!IsOfficer)
            return Forbid();
        return await ShowAsync(async () =>
        {
            await LoadAsync(id, ct);
            Input = DialogueInput.From(Dialogue);
        });
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var shown = await ShowAsync(() => LoadAsync(id, ct));
        if (shown is not Microsoft.AspNetCore.Mvc.RazorPages.PageResult || !ModelState.IsValid)
            return shown;
        try
        {
            var updated = await dialogues.UpdateDialogueAsync(UpdateRequest(id), cancellationToken: ct);
            return Done(updated.ChangedFields.Count == 0 ? Text["Nothing changed."] : Text["Dialogue saved."], "/Secretariat/Dialogue", new { id });
        }
        catch (RpcException e)
        {
            // FAILED_PRECONDITION names the field that can no longer change in its metadata, not as a field violation.
            var error = ServiceError.From(e);
            var field = error.Field ?? error.Metadata.GetValueOrDefault("field");
            var property = field is null ? null : ServiceError.PropertyName(field);
            ModelState.AddModelError(property is not null && typeof(DialogueInput).GetProperty(property) is not null ? $"Input.{property}" : "",
                Describe(error));
            return Page();
        }
    }

    /// <summary>
    /// The request from the form. A registration date left on the day it already falls on keeps its
    /// exact time: the form holds days, and re-sending that day's start or end would be a change.
    /// </summary>
    UpdateDialogueRequest UpdateRequest(string id)
    {
        var create = Input.ToCreateRequest();
        return new UpdateDialogueRequest
        {
            DialogueId = id,
            WorkingGroup = create.WorkingGroup,
            Session = create.Session,
            Date = create.Date,
            Venue = create.Venue,
            RegistrationOpensAt = Input.RegistrationOpensAt is { } opens && opens != DayOf(Dialogue.RegistrationOpensAt) ? create.RegistrationOpensAt : null,
            RegistrationClosesAt = Input.RegistrationClosesAt is { } closes && closes == DayOf(Dialogue.RegistrationClosesAt)
                ? Dialogue.RegistrationClosesAt : create.RegistrationClosesAt,
            ObjectionPeriodDays = create.ObjectionPeriodDays,
            InPersonCapacity = create.InPersonCapacity,
            Policy = create.Policy,
        };
    }

    async Task LoadAsync(string id, CancellationToken ct) =>
        Dialogue = (await dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }, cancellationToken: ct)).Dialogue;

    static DateOnly? DayOf(Timestamp? at) => at is null ? null : DateOnly.FromDateTime(at.ToDateTime());
}
