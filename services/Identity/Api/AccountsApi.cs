using Accreditation.Identity.Domain;
using Accreditation.Identity.V1;
using Accreditation.ServiceDefaults.Api;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Api;

/// <summary>Organization users' accounts. Tokens are not issued here but at /connect/token.</summary>
public sealed class AccountsApi(UserManager<AccountUser> users, ILogger<AccountsApi> logger) : AccountService.AccountServiceBase
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
        var user = new AccountUser { UserName = email, Email = email, DisplayName = displayName, Language = language };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user, request.Password);
        }
        catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
        {
            // Two sign-ups with one address at once: the unique index caught what the validator could not.
            throw new AlreadyExistsException(DuplicateEmail);
        }
        if (!result.Succeeded)
            throw Failure(result);

        logger.LogInformation("Account {UserId} signed up", user.Id);
        return new SignUpResponse { Account = ToMessage(user) };
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
    };
}
