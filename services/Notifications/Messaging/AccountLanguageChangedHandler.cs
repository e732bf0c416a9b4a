using Accreditation.Contracts;
using Accreditation.Notifications.Data;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Accreditation.Notifications.Messaging;

/// <summary>
/// No notice: later notices to the account are written in its new language. Only organization
/// users have an account here (AccountRegistered); staff and State users are written to at their
/// configured addresses, so a change of theirs changes nothing here.
/// </summary>
public sealed class AccountLanguageChangedHandler(NotificationsDb db) : IEventHandler<AccountLanguageChanged>
{
    public async Task HandleAsync(AccountLanguageChanged message, EventContext context, CancellationToken ct)
    {
        var account = db.Accounts.Local.FirstOrDefault(a => a.Subject == message.Subject)
            ?? await db.Accounts.FirstOrDefaultAsync(a => a.Subject == message.Subject, ct);
        account?.ChangeLanguage(message.Language);
    }
}
