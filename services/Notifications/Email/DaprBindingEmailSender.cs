using System.Text;
using Accreditation.ServiceDefaults.Configuration;
using Dapr.Client;

namespace Accreditation.Notifications.Email;

/// <summary>
/// Sends through the sidecar's SMTP output binding (Dapr component type bindings.smtp, see
/// dapr/components/smtp.yaml): the sidecar holds the server and its credentials. The binding
/// cannot set a Message-Id, so once-only rests on the delivery row, as with SMTP.
/// </summary>
public sealed class DaprBindingEmailSender(DaprClient dapr, EmailSettings settings) : IEmailSender
{
    // The raw request: the typed overload would JSON-encode the body and the mail would show the quotes.
    public Task SendAsync(OutgoingEmail email, CancellationToken ct) =>
        dapr.InvokeBindingAsync(new BindingRequest(settings.DaprBinding!, "create")
        {
            Data = Encoding.UTF8.GetBytes(email.Body),
            Metadata = { ["emailFrom"] = settings.From, ["emailTo"] = email.To, ["subject"] = email.Subject },
        }, ct);
}

public static class DaprEmailExtensions
{
    public static IServiceCollection AddDaprEmailSender(this IServiceCollection services, DaprOptions dapr)
    {
        services.AddSingleton(_ => DaprSecrets.CreateClient(dapr));
        return services.AddSingleton<IEmailSender, DaprBindingEmailSender>();
    }
}
