using Accreditation.Contracts;
using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
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
            Require.Text(request.Name, "name", 300),
            Require.OptionalText(request.Acronym, "acronym", 30),
            Mapping.Domain<StakeholderCategory, V1.StakeholderCategory>(request.Category, "category"),
            request.Country,
            Mapping.Domain<EcosocStatus, V1.EcosocStatus>(request.EcosocStatus, "ecosoc_status"),
            request.Website,
            request.AreasOfWork,
            caller.Subject,
            now);
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
            ?? throw new NotFoundException("Organization", id);
        Access.EnsureCanRead(caller, organization);
        return new V1.GetOrganizationResponse { Organization = organization.ToContract() };
    }

    public override async Task<V1.ListOrganizationsResponse> ListOrganizations(V1.ListOrganizationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer, Roles.Auditor);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken);
        var query = db.Organizations.AsNoTracking();
        if (!caller.IsSecretariat)
            query = query.Where(o => o.Members.Any(m => m.Subject == caller.Subject));
        var organizations = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(skip).Take(take).ToListAsync(context.CancellationToken);
        return new V1.ListOrganizationsResponse
        {
            Organizations = { organizations.Select(o => o.ToContract()) },
            NextPageToken = Require.NextPageToken(skip, take, organizations.Count),
        };
    }
}
