using Accreditation.Contracts;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.Identity.V1;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Email;
using Accreditation.ServiceDefaults.Errors;
using Accreditation.ServiceDefaults.Messaging;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Api;

/// <summary>Organization users' accounts. Tokens are not issued here but at /connect/token.</summary>
public sealed class AccountsApi(UserManager<AccountUser> users, IdentityDb db, OutboxSignal outbox, EmailRecipientBudget recipients,
    TimeProvider clock, ILogger<AccountsApi> logger)
    : AccountService.AccountServiceBase
{
    /// <summary>
    /// Anyone may sign up; the account starts as an organization user with no organization. An
    /// address that already has an account gets the same answer, after the same work, and its owner
    /// an e-mail saying so: sign-up does not tell a stranger who has an account.
    /// </summary>
    [AllowAnonymous]
    public override async Task<SignUpResponse> SignUp(SignUpRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var email = EmailAddress.Parse(request.Email);
        var language = AccountLanguage.Parse(request.Language);
        if (string.IsNullOrEmpty(request.Password))
            throw new InvalidFieldException("password", "is required");
        var displayName = Require.OptionalText(request.DisplayName, "display_name", maxLength: 200) ?? email;
        // Checked before looking the address up, so a weak password is refused whoever has the address.
        var candidate = new AccountUser { UserName = email, Email = email, DisplayName = displayName, Language = language };
        var weak = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            weak.AddRange((await validator.ValidateAsync(users, candidate, request.Password)).Errors);
        if (weak.Count > 0)
            throw Failure(IdentityResult.Failed([.. weak]));
        // Every sign-up e-mails the address (a confirmation, or the notice that it has an account).
        recipients.Spend(email);

        ct.ThrowIfCancellationRequested();
        // UserManager saves by itself: one explicit transaction makes the account and its
        // AccountRegistered event one commit, and a refused sign-up rolls both back. Its reads
        // and writes share a snapshot, which SQLite may refuse as busy: then all of it is redone.
        var created = await db.RetryOnBusyAsync(async token =>
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // As much work as a new account: the password is hashed, a row written, an e-mail queued.
                users.PasswordHasher.HashPassword(existing, request.Password);
                db.Enqueue(new SignUpRepeated(existing.Id, email, existing.DisplayName, existing.Language, now), now);
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return null;
            }
            var user = new AccountUser { UserName = email, Email = email, DisplayName = displayName, Language = language };
            var code = EmailConfirmation.Start(user, now);
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(user, request.Password);
            }
            catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
            {
                // Two sign-ups with one address at once: the other one made the account.
                return null;
            }
            if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return null;
            if (!result.Succeeded)
                throw Failure(result);
            db.Enqueue(new AccountRegistered(user.Id, email, displayName, language, now), now);
            // Notifications e-mails the code; the event is the code's only way out of this service.
            db.Enqueue(new EmailConfirmationRequested(user.Id, email, displayName, language, code, user.EmailConfirmationExpiresAt!.Value), now);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return user;
        }, ct);
        // Rows committed inside an explicit transaction do not wake the dispatcher by themselves.
        outbox.Notify();

        if (created is not null)
            logger.LogInformation("Account {UserId} signed up", created.Id);
        else
            logger.LogInformation("A sign-up named the address of an existing account; its owner is told by e-mail");
        // The subject is left out for both: the account's token carries it once the owner signs in.
        return new SignUpResponse { Account = new Account { Email = email, DisplayName = displayName, Language = language, EmailConfirmed = false } };
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
        // Spent whether or not a code goes out, so the budget's answer tells nothing of the account either.
        recipients.Spend(email);
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
