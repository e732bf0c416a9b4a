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
/// People's accounts: sign-up of organization users, and for every person its own account, its
/// password (reset by e-mail) and its sessions. Tokens are not issued here but at /connect/token.
/// </summary>
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
        var email = EmailAddress.Parse(request.Email).Value;
        var language = AccountLanguage.Parse(request.Language);
        if (string.IsNullOrEmpty(request.Password))
            throw new InvalidFieldException("password", "is required", CommonReasons.FieldRequired);
        var displayName = Require.OptionalText(request.DisplayName, "display_name", maxLength: 200) ?? email;
        // Checked before looking the address up, so a weak password is refused whoever has the address.
        var candidate = new AccountUser { UserName = email, Email = email, DisplayName = displayName, Language = language };
        await RequireStrongPasswordAsync(candidate, request.Password, "password");
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
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
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
        var email = EmailAddress.Parse(request.Email).Value;
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
        var email = EmailAddress.Parse(request.Email).Value;
        // Spent whether or not a code goes out, so the budget's answer tells nothing of the account either.
        recipients.Spend(email);
        var resent = await db.RetryInTransactionAsync(async token =>
        {
            var user = await users.FindByEmailAsync(email);
            token.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            if (!EmailConfirmation.MayResend(user, now))
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

    /// <summary>
    /// A one-time code to set a new password, e-mailed if the address has an account: the same
    /// empty answer for any address, and the same spending of the address's e-mail budget.
    /// </summary>
    [AllowAnonymous]
    public override async Task<RequestPasswordResetResponse> RequestPasswordReset(RequestPasswordResetRequest request, ServerCallContext context)
    {
        var email = EmailAddress.Parse(request.Email).Value;
        recipients.Spend(email);
        var requested = await db.RetryInTransactionAsync(async token =>
        {
            var user = await users.FindByEmailAsync(email);
            token.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            if (user is null || !PasswordReset.MayRestart(user, now))
                return null;
            var code = PasswordReset.Start(user, now);
            // Notifications e-mails the code; the event is the code's only way out of this service.
            db.Enqueue(new PasswordResetRequested(user.Id, user.Email!, user.DisplayName, user.Language, code, user.PasswordResetExpiresAt!.Value), now);
            await db.SaveChangesAsync(token);
            return user;
        }, context.CancellationToken);
        if (requested is not null)
        {
            outbox.Notify();
            logger.LogInformation("Account {UserId} was sent a password reset code", requested.Id);
        }
        return new RequestPasswordResetResponse();
    }

    /// <summary>
    /// A new password for the holder of the e-mailed code, which is then spent. The code is checked
    /// first (one answer for an unknown address and a wrong, used or expired code), then the
    /// password, so a weak password leaves the code usable.
    /// </summary>
    [AllowAnonymous]
    public override async Task<ResetPasswordResponse> ResetPassword(ResetPasswordRequest request, ServerCallContext context)
    {
        var email = EmailAddress.Parse(request.Email).Value;
        if (string.IsNullOrEmpty(request.NewPassword))
            throw new InvalidFieldException("new_password", "is required", CommonReasons.FieldRequired);
        var user = await db.RetryInTransactionAsync(async token =>
        {
            var found = await users.FindByEmailAsync(email);
            token.ThrowIfCancellationRequested();
            PasswordReset.Verify(found, request.Code, clock.GetUtcNow());
            await RequireStrongPasswordAsync(found!, request.NewPassword, "new_password");
            found!.PasswordHash = users.PasswordHasher.HashPassword(found, request.NewPassword);
            PasswordReset.Complete(found);
            // Identity's optimistic concurrency token: of two resets with one code, the second is
            // refused as a conflict, retried, and then finds the code spent.
            found.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(token);
            return found;
        }, context.CancellationToken);
        logger.LogInformation("Account {UserId} set a new password with an e-mailed code; its sessions ended", user.Id);
        return new ResetPasswordResponse();
    }

    [Authorize]
    public override async Task<GetMyAccountResponse> GetMyAccount(GetMyAccountRequest request, ServerCallContext context)
    {
        var (caller, _) = Person(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        var user = await users.FindByIdAsync(caller.Subject) ?? throw new NotFoundException("Account", caller.Subject, IdentityReasons.AccountNotFound);
        return new GetMyAccountResponse { Account = ToMessage(user) };
    }

    /// <summary>The language of later notices; Notifications learns it from the event.</summary>
    [Authorize]
    public override async Task<UpdateMyAccountResponse> UpdateMyAccount(UpdateMyAccountRequest request, ServerCallContext context)
    {
        var (caller, _) = Person(context);
        if (string.IsNullOrWhiteSpace(request.Language))
            throw new InvalidFieldException("language", "is required", CommonReasons.FieldRequired);
        var language = AccountLanguage.Parse(request.Language);
        var user = await db.RetryInTransactionAsync(async token =>
        {
            var found = await users.FindByIdAsync(caller.Subject) ?? throw new NotFoundException("Account", caller.Subject, IdentityReasons.AccountNotFound);
            token.ThrowIfCancellationRequested();
            if (found.Language == language)
                return found;
            found.Language = language;
            var now = clock.GetUtcNow();
            db.Enqueue(new AccountLanguageChanged(found.Id, language, now), now);
            await db.SaveChangesAsync(token);
            return found;
        }, context.CancellationToken);
        outbox.Notify();
        logger.LogInformation("Account {UserId} reads notices in {Language} from now on", user.Id, language);
        return new UpdateMyAccountResponse { Account = ToMessage(user) };
    }

    /// <summary>Sign-out: the session named by the caller's token ends, and with it its refresh token.</summary>
    [Authorize]
    public override async Task<EndSessionResponse> EndSession(EndSessionRequest request, ServerCallContext context)
    {
        var (caller, sessionId) = Person(context);
        var ended = await db.RetryOnBusyAsync(async token =>
        {
            var session = await db.Sessions.FindAsync([sessionId], token);
            if (session is null || !session.EndBy(caller.Subject, clock.GetUtcNow()))
                return false;
            await db.SaveChangesAsync(token);
            return true;
        }, context.CancellationToken);
        if (ended)
            logger.LogInformation("Account {UserId} signed out (session {SessionId})", caller.Subject, sessionId);
        return new EndSessionResponse();
    }

    /// <summary>
    /// The person behind the token and its session. API clients' tokens name no session (and the
    /// client has no account): they are refused, whatever their role.
    /// </summary>
    static (Caller Caller, string SessionId) Person(ServerCallContext context)
    {
        var caller = context.GetCaller();
        var sessionId = context.GetHttpContext().User.FindFirst(TokenSubject.SessionClaim)?.Value
            ?? throw new AccessDeniedException("This operation is for people signed in with a password; an API client has no account.", IdentityReasons.ApiClientHasNoAccount);
        return (caller, sessionId);
    }

    /// <summary>Identity's password rules, refused on <paramref name="field"/> with Identity's reasons.</summary>
    async Task RequireStrongPasswordAsync(AccountUser user, string password, string field)
    {
        var weak = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            weak.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (weak.Count > 0)
            throw new InvalidFieldException(field, string.Join(" ", weak.Select(e => e.Description)), IdentityReasons.PasswordTooWeak, ("failed_rules", weak.Select(e => e.Code)));
    }

    /// <summary>Identity's errors, sorted into the fields the caller sent.</summary>
    internal static Exception Failure(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        var password = errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        if (password.Count > 0)
            return new InvalidFieldException("password", string.Join(" ", password.Select(e => e.Description)), IdentityReasons.PasswordTooWeak, ("failed_rules", password.Select(e => e.Code)));
        // What is left concerns the address, which is also the user name (InvalidEmail, InvalidUserName).
        return new InvalidFieldException("email", string.Join(" ", errors.Select(e => e.Description)), IdentityReasons.EmailRejected, ("failed_rules", errors.Select(e => e.Code)));
    }

    static Account ToMessage(AccountUser user) => new()
    {
        Subject = user.Id,
        Email = user.Email ?? "",
        DisplayName = user.DisplayName,
        Language = user.Language,
        EmailConfirmed = user.EmailConfirmed,
        Role = user.Role,
        StateCode = user.StateCode ?? "",
    };
}
