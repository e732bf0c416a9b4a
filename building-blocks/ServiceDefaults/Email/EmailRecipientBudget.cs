using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accreditation.ServiceDefaults.Email;

/// <summary>The per-recipient e-mail budget (section EmailBudget).</summary>
public sealed class EmailBudgetOptions
{
    public const string Section = "EmailBudget";

    /// <summary>E-mails one address may be sent by calls of anyone's within <see cref="Window"/>.</summary>
    [Positive]
    public int PerRecipient { get; set; } = 5;

    [Positive]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// How many e-mails the calls of this service have caused to one address lately. Every call that
/// sends one (sign-up, a new confirmation code, an invitation) spends from the recipient's budget
/// first, whoever the caller, so nobody can make the system flood an inbox in the secretariat's name.
/// Kept in memory: a restart forgets it, which gives an attacker one window more at most.
/// </summary>
public sealed class EmailRecipientBudget(TimeProvider clock, IOptions<EmailBudgetOptions> options)
{
    readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.OrdinalIgnoreCase);
    DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Spends one e-mail to <paramref name="recipient"/>, or refuses with RESOURCE_EXHAUSTED naming the budget.</summary>
    public void Spend(string recipient)
    {
        var (limit, window) = (options.Value.PerRecipient, options.Value.Window);
        var now = clock.GetUtcNow();
        lock (_sent)
        {
            Sweep(now, window);
            if (!_sent.TryGetValue(recipient, out var times))
                _sent[recipient] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && times.Peek() <= now - window)
                times.Dequeue();
            if (times.Count >= limit)
                throw new QuotaExceededException("email-per-recipient", limit,
                    $"E-mail budget per recipient spent: at most {limit} e-mails to one address per {window.TotalMinutes:0} minutes; " +
                    $"the next can be sent after {times.Peek() + window:u}.",
                    CommonReasons.EmailRecipientBudgetSpent, ("window_minutes", (long)window.TotalMinutes), ("next_at", times.Peek() + window));
            times.Enqueue(now);
        }
    }

    // Addresses nobody wrote to within the window are forgotten, so the table stays small.
    void Sweep(DateTimeOffset now, TimeSpan window)
    {
        if (now < _nextSweep)
            return;
        foreach (var (address, times) in _sent.ToList())
            if (times.Count == 0 || times.Last() <= now - window)
                _sent.Remove(address);
        _nextSweep = now + window;
    }
}

public static class EmailRecipientBudgetExtensions
{
    public static IServiceCollection AddEmailRecipientBudget(this IServiceCollection services)
    {
        services.AddSettings<EmailBudgetOptions>(EmailBudgetOptions.Section);
        services.AddSingleton<EmailRecipientBudget>();
        return services;
    }
}
