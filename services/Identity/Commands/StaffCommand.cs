using System.Security.Cryptography;
using Accreditation.Identity.Data;
using Accreditation.Identity.Domain;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Identity.Commands;

/// <summary>
/// The administrator's command for secretariat staff accounts; no shipped configuration holds a
/// staff password. Usage (same configuration as the service, e.g. --Data:Directory ./data):
///   staff add --email officer@un.org --role officer|auditor [--name "Display Name"]
///   staff list
/// "add" prints a generated password once; the account's owner signs in with it through the
/// portal client (password grant).
/// </summary>
public static class StaffCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder(args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
        builder.Services.AddServiceDbContext<IdentityDb, PostgreSqlIdentityDb>(builder.Configuration, "identity");
        builder.Services.AddLogging();
        builder.Services.AddAccounts();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateAsync(ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();

        switch (args.FirstOrDefault())
        {
            case "add":
                return await AddAsync(users, builder.Configuration, output);
            case "list":
                foreach (var staff in await users.Users.Where(u => u.Role == Roles.Officer || u.Role == Roles.Auditor).OrderBy(u => u.Email).ToListAsync(ct))
                    await output.WriteLineAsync($"{staff.Email,-40} {staff.Role,-8} {staff.DisplayName}");
                return 0;
            default:
                await output.WriteLineAsync("usage: staff add --email ADDRESS --role officer|auditor [--name NAME] | staff list");
                return 2;
        }
    }

    static async Task<int> AddAsync(UserManager<AccountUser> users, IConfiguration options, TextWriter output)
    {
        var role = options["role"];
        if (!EmailAddress.TryParse(options["email"], out var address) || role is not (Roles.Officer or Roles.Auditor))
        {
            await output.WriteLineAsync("staff add needs --email ADDRESS and --role officer|auditor.");
            return 2;
        }
        var email = address.Value;
        var password = GeneratePassword();
        var user = new AccountUser { UserName = email, Email = email, EmailConfirmed = true, Role = role, DisplayName = options["name"] ?? email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"Not created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }
        await output.WriteLineAsync($"Created {role} {email}. Password (shown once, hand it over privately): {password}");
        return 0;
    }

    /// <summary>24 random characters from every class the password policy asks for.</summary>
    static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!+=";
        var all = lower + upper + digits + symbols;
        var chars = new[] { lower, upper, digits, symbols }.Select(set => set[RandomNumberGenerator.GetInt32(set.Length)])
            .Concat(Enumerable.Range(0, 20).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)]))
            .ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
