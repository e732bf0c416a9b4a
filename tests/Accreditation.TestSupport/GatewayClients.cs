using Grpc.Net.Client;
using InboxV1 = Accreditation.Notifications.V1;
using ObjectionsV1 = Accreditation.Objections.V1;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.TestSupport;

/// <summary>
/// Typed clients of the public services, all through the gateway's channel. The channel is read on
/// every use: a system that restarts replaces it.
/// </summary>
public abstract class GatewayClients(Func<GrpcChannel> channel)
{
    public RegistrationV1.DialogueService.DialogueServiceClient Dialogues => new(channel());
    public RegistrationV1.OrganizationService.OrganizationServiceClient Organizations => new(channel());
    public RegistrationV1.ApplicationService.ApplicationServiceClient Applications => new(channel());
    public RegistrationV1.SecretariatService.SecretariatServiceClient Secretariat => new(channel());
    public RegistrationV1.LedgerService.LedgerServiceClient Ledger => new(channel());
    public ObjectionsV1.CirculationService.CirculationServiceClient Circulations => new(channel());
    public ObjectionsV1.ObjectionService.ObjectionServiceClient Objections => new(channel());
    public InboxV1.InboxService.InboxServiceClient Inbox => new(channel());
}
