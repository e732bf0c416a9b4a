using Accreditation.Contracts;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.Identity.V1;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Domain;
using Accreditation.ServiceDefaults.Email;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Api;

/// <summary>
/// The States parties' users: person accounts with role state and their State's code, created by
/// officers without a password; the user sets one with the code of the welcome e-mail (a password
/// reset with a longer lifetime). The account, its code and its e-mail's event are one commit.
/// </summary>
[Authorize]
public sealed class StateUsersApi(UserManager<AccountUser> users, IdentityDb db, OutboxSignal outbox, EmailRecipientBudget recipients,
    TimeProvider clock, ILogger<StateUsersApi> logger) : StateUserService.StateUserServiceBase
{
    public override async Task<CreateStateUserResponse> CreateStateUser(CreateStateUserRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Officer);
        var email = EmailAddress.Parse(request.Email).Value;
        var state = StateCode.Parse(request.StateCode);
        var language = AccountLanguage.Parse(request.Language);
        var displayName = Require.OptionalText(request.DisplayName, "display_name", maxLength: 200) ?? email;
        var duplicate = new AlreadyExistsException($"An account with the address {email} already exists.", IdentityReasons.AccountExists, ("email", email));
        recipients.Spend(email);

        var user = await db.RetryOnBusyAsync(async token =>
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var created = new AccountUser
            {
                UserName = email, Email = email, DisplayName = displayName, Language = language, Role = Roles.State, StateCode = state,
            };
            var code = PasswordReset.Start(created, now, PasswordReset.InvitationLifetime);
            IdentityResult result;
            try
            {
                // No password: nobody can sign in as the user before it has read the e-mail.
                result = await users.CreateAsync(created);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                throw duplicate;
            }
            if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                throw duplicate;
            if (!result.Succeeded)
                throw AccountsApi.Failure(result);
            db.Enqueue(new StateUserInvited(created.Id, email, displayName, language, state, code, created.PasswordResetExpiresAt!.Value), now);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return created;
        }, context.CancellationToken);
        // Rows committed inside an explicit transaction do not wake the dispatcher by themselves.
        outbox.Notify();
        logger.LogInformation("State user {UserId} of State party {StateCode} created by {Subject}", user.Id, state, caller.Subject);
        return new CreateStateUserResponse { User = ToMessage(user) };
    }

    public override async Task<ListStateUsersResponse> ListStateUsers(ListStateUsersRequest request, ServerCallContext context)
    {
        context.GetCaller().Require(Roles.Officer, Roles.Auditor);
        var found = await db.Users.AsNoTracking().Where(u => u.Role == Roles.State)
            .OrderBy(u => u.StateCode).ThenBy(u => u.Email).ToListAsync(context.CancellationToken);
        return new ListStateUsersResponse { Users = { found.Select(ToMessage) } };
    }

    static StateUser ToMessage(AccountUser user) => new()
    {
        Subject = user.Id,
        Email = user.Email ?? "",
        DisplayName = user.DisplayName,
        StateCode = user.StateCode ?? "",
        Language = user.Language,
        PasswordSet = user.PasswordHash is not null,
    };
}
