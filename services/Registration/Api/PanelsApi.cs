using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Panels: officers invite representatives of admitted organizations; the organization answers for its representative.</summary>
public sealed class PanelsApi(RegistrationDb db, TimeProvider clock) : V1.PanelService.PanelServiceBase
{
    public override async Task<V1.InvitePanellistResponse> InvitePanellist(V1.InvitePanellistRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var itemId = Require.Id(request.AgendaItemId, "agenda_item_id");
        var representativeId = Require.Id(request.RepresentativeId, "representative_id");
        var panellist = await db.RetryInTransactionAsync(async ct =>
        {
            var item = await db.LoadAgendaItemAsync(itemId, ct);
            var dialogue = await db.DialogueAsync(item.DialogueId, ct);
            var representative = await db.Representatives().SingleOrDefaultAsync(r => r.Id == representativeId, ct)
                ?? throw new NotFoundException("Representative", representativeId, RegistrationReasons.RepresentativeNotFound);
            var application = await db.Applications.SingleAsync(a => a.Id == representative.ApplicationId, ct);
            var now = clock.GetUtcNow();
            var panellist = Panellist.Invite(dialogue, item, representative, application, new Actor(caller.Subject, caller.Role), now);
            db.Panellists().Add(panellist);
            var organization = await db.Organizations.Where(o => o.Id == panellist.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            // The organization is told (inbox and e-mail, in each member's language) and answers in the portal.
            db.Enqueue(new PanellistInvited(panellist.Id, application.Id, panellist.OrganizationId, organization, dialogue.Id, dialogue.Title,
                dialogue.Date.ToString("yyyy-MM-dd"), representative.Id, item.Number, item.Title, now), now);
            await db.SaveOrAlreadyExistsAsync(new AlreadyExistsException($"The representative is already on the panel of agenda item {item.Number}.",
                RegistrationReasons.AlreadyOnPanel, ("number", item.Number)), ct);
            return panellist;
        }, context.CancellationToken);
        return new V1.InvitePanellistResponse { Panellist = await ContractAsync(panellist.Id, context.CancellationToken) };
    }

    public override async Task<V1.AnswerPanelInvitationResponse> AnswerPanelInvitation(V1.AnswerPanelInvitationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var id = Require.Id(request.PanellistId, "panellist_id");
        await db.RetryInTransactionAsync(async ct =>
        {
            var panellist = await LoadAsync(id, ct);
            var organization = await db.Organizations.Include(o => o.Members).SingleAsync(o => o.Id == panellist.OrganizationId, ct);
            Access.EnsureMember(caller, organization);
            panellist.Answer(request.Accept, await db.DialogueAsync(panellist.DialogueId, ct), new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, context.CancellationToken);
        return new V1.AnswerPanelInvitationResponse { Panellist = await ContractAsync(id, context.CancellationToken) };
    }

    public override async Task<V1.RemovePanellistResponse> RemovePanellist(V1.RemovePanellistRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.PanellistId, "panellist_id");
        await db.RetryInTransactionAsync(async ct =>
        {
            db.Panellists().Remove(await LoadAsync(id, ct));
            await db.SaveChangesAsync(ct);
            return true;
        }, context.CancellationToken);
        return new V1.RemovePanellistResponse();
    }

    public override async Task<V1.ListPanelInvitationsResponse> ListPanelInvitations(V1.ListPanelInvitationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var organizationId = Require.Id(request.OrganizationId, "organization_id");
        var ct = context.CancellationToken;
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw new NotFoundException("Organization", organizationId, RegistrationReasons.OrganizationNotFound);
        Access.EnsureCanRead(caller, organization);
        var panellists = await db.PanellistViewsAsync(db.Panellists().Where(p => p.OrganizationId == organizationId), ct);
        var itemIds = panellists.Select(p => p.Panellist.AgendaItemId).Distinct().ToList();
        var items = await db.AgendaItems().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var dialogueIds = items.Values.Select(i => i.DialogueId).Distinct().ToList();
        var dialogues = await db.Dialogues.AsNoTracking().Where(d => dialogueIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return new V1.ListPanelInvitationsResponse
        {
            Invitations =
            {
                panellists.OrderByDescending(p => p.Panellist.InvitedAt).Select(p =>
                {
                    var item = items[p.Panellist.AgendaItemId];
                    var dialogue = dialogues[item.DialogueId];
                    return new V1.PanelInvitation
                    {
                        Panellist = p.ToContract(), DialogueTitle = dialogue.Title, DialogueDate = dialogue.Date.ToString("yyyy-MM-dd"),
                        AgendaItemNumber = item.Number, AgendaItemTitle = item.Title,
                    };
                }),
            },
        };
    }

    async Task<Panellist> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Panellists().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Panellist", id, RegistrationReasons.PanellistNotFound);

    async Task<V1.Panellist> ContractAsync(Guid id, CancellationToken ct) =>
        (await db.PanellistViewsAsync(db.Panellists().Where(p => p.Id == id), ct)).Single().ToContract();
}
