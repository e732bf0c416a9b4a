using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Messaging;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

public sealed class OrganizationsApi(RegistrationDb db, TimeProvider clock) : V1.OrganizationService.OrganizationServiceBase
{
    public override async Task<V1.CreateOrganizationResponse> CreateOrganization(V1.CreateOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var now = clock.GetUtcNow();
        var organization = Organization.Create(
            Profile(request.Name, request.Acronym, request.Category, request.Country, request.EcosocStatus, request.Website, request.AreasOfWork),
            caller.Subject, now);
        db.Organizations.Add(organization);
        db.Enqueue(new OrganizationMemberAdded(organization.Id, organization.Name, caller.Subject, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        return new V1.CreateOrganizationResponse { Organization = organization.ToContract() };
    }

    public override async Task<V1.GetOrganizationResponse> GetOrganization(V1.GetOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = Require.Id(request.OrganizationId, "organization_id");
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Members)
            .SingleOrDefaultAsync(o => o.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("Organization", id, RegistrationReasons.OrganizationNotFound);
        Access.EnsureCanRead(caller, organization);
        return new V1.GetOrganizationResponse { Organization = organization.ToContract() };
    }

    public override async Task<V1.ListOrganizationsResponse> ListOrganizations(V1.ListOrganizationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var organizations = await db.Organizations.AsNoTracking().Where(Access.OrganizationsReadableBy(caller)).OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListOrganizationsResponse
        {
            Organizations = { organizations.Select(o => o.ToContract()) },
            NextPageToken = Require.NextPageToken(skip, take, organizations.Count),
        };
    }

    /// <summary>
    /// Its members replace the profile. What the States parties see of it (name, country, ...) is
    /// recorded in the history of its open applications, and reaches Objections' copies of those
    /// circulated, in the same transaction (through the outbox).
    /// </summary>
    public override async Task<V1.UpdateOrganizationResponse> UpdateOrganization(V1.UpdateOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        var id = Require.Id(request.OrganizationId, "organization_id");
        var (organization, changed, recorded) = await db.RetryInTransactionAsync(async ct =>
        {
            var organization = await db.Organizations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == id, ct)
                ?? throw new NotFoundException("Organization", id, RegistrationReasons.OrganizationNotFound);
            Access.EnsureMember(caller, organization);
            var profile = Profile(request.Name, request.Acronym, request.Category, request.Country, request.EcosocStatus, request.Website, request.AreasOfWork);
            var now = clock.GetUtcNow();
            var changed = organization.Update(profile);
            var change = ProfileChange.Record(changed, await db.Applications.Where(a => a.OrganizationId == id).ToListAsync(ct),
                new Actor(caller.Subject, caller.Role), now);
            if (change.IsSeenByStates)
                db.Enqueue(new OrganizationProfileChanged(organization.Id, organization.Name, change.SeenByStates,
                    change.Circulated.Select(a => RegistrationEvents.Applicant(a, organization)).ToList(), now), now);
            await db.SaveWithLedgerAsync(ct);
            return (organization, changed, change.Recorded.Select(a => a.Id).ToList());
        }, context.CancellationToken);
        return new V1.UpdateOrganizationResponse
        {
            Organization = organization.ToContract(),
            ChangedFields = { changed },
            RecordedApplicationIds = { recorded.Select(a => a.ToString()) },
        };
    }

    /// <summary>The profile fields of a create or update request, checked alike.</summary>
    static OrganizationProfile Profile(string name, string acronym, V1.StakeholderCategory category, string country,
        V1.EcosocStatus ecosocStatus, string website, IEnumerable<string> areasOfWork) =>
        OrganizationProfile.Parse(
            Require.Text(name, "name", 300),
            Require.OptionalText(acronym, "acronym", 30),
            category.ToDomain("category"),
            country,
            ecosocStatus.ToDomain("ecosoc_status"),
            website,
            areasOfWork);
}
