using Accreditation.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace Accreditation.Identity.Data;

/// <summary>
/// Creates the staff accounts configuration names (Identity:Staff) when no account has their
/// address; an existing account is left alone, so a restart never resets a password its owner
/// changed. Registered after the database migrator, so it starts once the tables exist.
/// </summary>
sealed class StaffSeeder(IServiceProvider services, IdentitySettings settings, ILogger<StaffSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Staff.Count == 0)
            return;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        foreach (var staff in settings.Staff)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(staff.Email) is not null)
                continue;
            var user = new AccountUser { UserName = staff.Email, Email = staff.Email, EmailConfirmed = true, Role = staff.Role, DisplayName = staff.DisplayName };
            var result = await users.CreateAsync(user, staff.Password);
            if (!result.Succeeded)
                // Never the password: configuration errors end up in logs.
                throw new InvalidOperationException($"Identity:Staff: the account {staff.Email} could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            logger.LogInformation("Staff account {UserId} created with role {Role} from configuration", user.Id, staff.Role);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
