namespace Accreditation.Notifications.Email;

/// <summary>One e-mail of a delivery, ready to go: every attempt of a delivery carries the same MessageId.</summary>
public sealed record OutgoingEmail(string MessageId, string To, string Language, string Kind, string Subject, string Body);

/// <summary>
/// Hands an e-mail to the mail system; throws when it was not accepted. The standalone topology
/// uses <see cref="SmtpEmailSender"/>; the distributed one is to plug a Dapr output binding
/// (bindings.smtp) in here (issue 7).
/// </summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}
