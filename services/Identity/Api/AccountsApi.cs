using Accreditation.Contracts;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.Identity.V1;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Api;

/// <summary>Organization users' accounts. Tokens are not issued here but at /connect/token.</summary>
public sealed class AccountsApi(UserManager<AccountUser> users, IdentityDb db, OutboxSignal outbox, TimeProvider clock, ILogger<AccountsApi> logger)
    : AccountService.AccountServiceBase
{
    const string DuplicateEmail = "An account with this e-mail address already exists.";

    /// <summary>Anyone may sign up; the account starts as an organization user with no organization.</summary>
    [AllowAnonymous]
    public override async Task<SignUpResponse> SignUp(SignUpRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var email = EmailAddress.Parse(request.Email);
        var language = AccountLanguage.Parse(request.Language);
        if (string.IsNullOrEmpty(request.Password))
            throw new InvalidFieldException("password", "is required");
        var displayName = Require.OptionalText(request.DisplayName, "display_name", maxLength: 200) ?? email;

        ct.ThrowIfCancellationRequested();
        // UserManager saves by itself: one explicit transaction makes the account and its
        // AccountRegistered event one commit, and a refused sign-up rolls both back. Its reads
        // and writes share a snapshot, which SQLite may refuse as busy: then all of it is redone.
        var user = await db.RetryOnBusyAsync(async token =>
        {
            var created = new AccountUser { UserName = email, Email = email, DisplayName = displayName, Language = language };
            var now = clock.GetUtcNow();
            var code = EmailConfirmation.Start(created, now);
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(created, request.Password);
            }
            catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
            {
                // Two sign-ups with one address at once: the unique index caught what the validator could not.
                throw new AlreadyExistsException(DuplicateEmail);
            }
            if (!result.Succeeded)
                throw Failure(result);
            db.Enqueue(new AccountRegistered(created.Id, email, displayName, language, now), now);
            // Notifications e-mails the code; the event is the code's only way out of this service.
            db.Enqueue(new EmailConfirmationRequested(created.Id, email, displayName, language, code, created.EmailConfirmationExpiresAt!.Value), now);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return created;
        }, ct);
        // Rows committed inside an explicit transaction do not wake the dispatcher by themselves.
        outbox.Notify();

        logger.LogInformation("Account {UserId} signed up", user.Id);
        return new SignUpResponse { Account = ToMessage(user) };
    }

    /// <summary>Anyone holding the e-mailed code confirms the address; no token, as the account cannot sign in yet.</summary>
    [AllowAnonymous]
    public override async Task<ConfirmEmailResponse> ConfirmEmail(ConfirmEmailRequest request, ServerCallContext context)
    {
        var email = EmailAddress.Parse(request.Email);
        var ct = context.CancellationToken;
        var user = await db.RetryOnBusyAsync(async token =>
        {
            var found = await users.FindByEmailAsync(email);
            token.ThrowIfCancellationRequested();
            EmailConfirmation.Confirm(found, request.Code, clock.GetUtcNow());
            await db.SaveChangesAsync(token);
            return found!;
        }, ct);
        logger.LogInformation("Account {UserId} confirmed its e-mail address", user.Id);
        return new ConfirmEmailResponse { Account = ToMessage(user) };
    }

    /// <summary>A lost or expired code: a new one, e-mailed. The same empty answer whoever the address belongs to.</summary>
    [AllowAnonymous]
    public override async Task<ResendEmailConfirmationResponse> ResendEmailConfirmation(ResendEmailConfirmationRequest request, ServerCallContext context)
    {
        var email = EmailAddress.Parse(request.Email);
        var resent = await db.RetryInTransactionAsync(async token =>
        {
            var user = await users.FindByEmailAsync(email);
            token.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            if (user is null || user.EmailConfirmed || user.Role != Roles.Organization || !EmailConfirmation.MayRestart(user, now))
                return null;
            var code = EmailConfirmation.Start(user, now);
            db.Enqueue(new EmailConfirmationRequested(user.Id, user.Email!, user.DisplayName, user.Language, code, user.EmailConfirmationExpiresAt!.Value), now);
            await db.SaveChangesAsync(token);
            return user;
        }, context.CancellationToken);
        if (resent is not null)
        {
            outbox.Notify();
            logger.LogInformation("Account {UserId} was sent a new confirmation code", resent.Id);
        }
        return new ResendEmailConfirmationResponse();
    }

    [Authorize]
    public override async Task<GetMyAccountResponse> GetMyAccount(GetMyAccountRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller().Require(Roles.Organization);
        context.CancellationToken.ThrowIfCancellationRequested();
        var user = await users.FindByIdAsync(caller.Subject) ?? throw new NotFoundException("Account", caller.Subject);
        return new GetMyAccountResponse { Account = ToMessage(user) };
    }

    /// <summary>Identity's errors, sorted into the fields the caller sent.</summary>
    static Exception Failure(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            return new AlreadyExistsException(DuplicateEmail);
        var password = errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        if (password.Count > 0)
            return new InvalidFieldException("password", string.Join(" ", password.Select(e => e.Description)));
        // What is left concerns the address, which is also the user name (InvalidEmail, InvalidUserName).
        return new InvalidFieldException("email", string.Join(" ", errors.Select(e => e.Description)));
    }

    static Account ToMessage(AccountUser user) => new()
    {
        Subject = user.Id,
        Email = user.Email ?? "",
        DisplayName = user.DisplayName,
        Language = user.Language,
        EmailConfirmed = user.EmailConfirmed,
    };
}
