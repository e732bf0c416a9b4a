using Accreditation.Registration.Data;
using Accreditation.Registration.Domain;
using Accreditation.Registration.Domain.Programme;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using V1 = Accreditation.Registration.V1;

namespace Accreditation.Registration.Api;

/// <summary>Attendance: officers check representatives in at the door; online representatives' join links.</summary>
public sealed class AttendanceApi(RegistrationDb db, TimeProvider clock) : V1.AttendanceService.AttendanceServiceBase
{
    public override async Task<V1.CheckInResponse> CheckIn(V1.CheckInRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var id = Require.Id(request.RepresentativeId, "representative_id");
        var attendance = await db.RetryInTransactionAsync(async ct =>
        {
            var representative = await db.LoadRepresentativeAsync(id, ct);
            var dialogue = await db.DialogueAsync(representative.DialogueId, ct);
            var recorded = await db.Attendances().SingleOrDefaultAsync(a => a.RepresentativeId == id, ct);
            var attendance = Attendance.CheckIn(dialogue, representative, recorded, new Actor(caller.Subject, caller.Role), clock.GetUtcNow());
            if (attendance == recorded)
                return attendance;
            db.Attendances().Add(attendance);
            await db.SaveChangesAsync(ct);
            return attendance;
        }, context.CancellationToken);
        return new V1.CheckInResponse { Attendance = attendance.ToContract() };
    }

    /// <summary>Searched in memory: a dialogue has a few hundred representatives, and names need accent- and case-blind matching.</summary>
    public override async Task<V1.ListCheckInResponse> ListCheckIn(V1.ListCheckInRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var dialogueId = Require.Id(request.DialogueId, "dialogue_id");
        var query = Require.OptionalText(request.Query, "query", 200);
        var (skip, take) = Require.Page(request.PageSize, request.PageToken, defaultSize: 100, maxSize: 500);
        var ct = context.CancellationToken;
        await db.DialogueAsync(dialogueId, ct);
        var rows = await db.Representatives().AsNoTracking()
            .Where(r => r.DialogueId == dialogueId && r.Status != RepresentativeStatus.Withdrawn)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { Representative = r, o.Name, o.Acronym })
            .ToListAsync(ct);
        var attendance = await db.Attendances().AsNoTracking().Where(a => a.DialogueId == dialogueId).ToDictionaryAsync(a => a.RepresentativeId, ct);
        var waiting = await db.WaitingPositionsAsync(dialogueId, ct);
        var matching = rows
            .Where(r => query is null || CheckInSearch.Matches(query, r.Representative.FullName, r.Name, r.Acronym))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Representative.FullName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Representative.Id)
            .Skip(skip).Take(take).ToList();
        return new V1.ListCheckInResponse
        {
            Entries =
            {
                matching.Select(r => new V1.CheckInEntry
                {
                    Representative = r.Representative.ToContract(waiting),
                    OrganizationName = r.Name,
                    OrganizationAcronym = r.Acronym,
                    Attendance = attendance.GetValueOrDefault(r.Representative.Id)?.ToContract(),
                }),
            },
            NextPageToken = Require.NextPageToken(skip, take, matching.Count),
            CheckedIn = attendance.Values.Count(a => a.Mode == AttendanceMode.InPerson),
            JoinedOnline = attendance.Values.Count(a => a.Mode == AttendanceMode.Online),
        };
    }

    /// <summary>The organization's members and officers; codes are issued on first request (a write, so not for auditors).</summary>
    public override async Task<V1.ListJoinLinksResponse> ListJoinLinks(V1.ListJoinLinksRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization, Roles.Officer);
        var applicationId = Require.Id(request.ApplicationId, "application_id");
        var links = await db.RetryInTransactionAsync(async ct =>
        {
            var c = await db.LoadCaseAsync(applicationId, ct);
            Access.EnsureCanRead(caller, c.Organization);
            var online = await db.Representatives().AsNoTracking()
                .Where(r => r.ApplicationId == applicationId && r.Status == RepresentativeStatus.Online)
                .OrderBy(r => r.NominatedAt).ThenBy(r => r.Position).ToListAsync(ct);
            var ids = online.Select(r => r.Id).ToList();
            var codes = await db.JoinCodes().Where(j => ids.Contains(j.RepresentativeId)).ToDictionaryAsync(j => j.RepresentativeId, ct);
            db.JoinCodes().AddRange(JoinCode.IssueMissing(online, codes, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return online.Select(r => new V1.JoinLink { RepresentativeId = r.Id.ToString(), FullName = r.FullName, JoinCode = codes[r.Id].Code }).ToList();
        }, context.CancellationToken);
        return new V1.ListJoinLinksResponse { Links = { links } };
    }
}
